export { clientIdsSchema, clientInputSchema, clientListSchema, clientViewSchema } from '@instagrowth/contracts';
