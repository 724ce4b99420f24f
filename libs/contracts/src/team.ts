import { z } from 'zod';
import { emailSchema } from './common.js';
import { roleSchema } from './auth.js';

/** Owners are made by sign-up or by another owner changing a role, never by invitation. */
export const inviteSchema = z.object({
  email: emailSchema,
  role: roleSchema.exclude(['owner']),
});
export const changeRoleSchema = z.object({ role: roleSchema });
