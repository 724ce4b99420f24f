export { creditsQuerySchema, creditsResponseSchema } from '@instagrowth/contracts';
