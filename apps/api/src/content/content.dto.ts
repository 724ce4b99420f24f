export {
  brandVoiceInputSchema,
  brandVoiceSchema,
  contentExportQuerySchema,
  contentItemSchema,
  contentListQuerySchema,
  contentPageSchema,
  generationRequestSchema,
  generationResponseSchema,
  saveContentSchema,
  updateContentSchema,
} from '@instagrowth/contracts';
