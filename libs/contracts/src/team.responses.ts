import { z } from 'zod';
import { roleSchema } from './auth.js';
import { userViewSchema } from './auth.responses.js';
import { isoDateTimeSchema, listOf } from './common.responses.js';

export const invitationViewSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema.exclude(['owner']),
  expiresAt: isoDateTimeSchema,
  createdAt: isoDateTimeSchema,
});
export type InvitationView = z.infer<typeof invitationViewSchema>;

export const memberListSchema = listOf(userViewSchema);
export const invitationListSchema = listOf(invitationViewSchema);
