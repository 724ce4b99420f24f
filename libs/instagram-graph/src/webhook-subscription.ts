import type { ResolvedConfig } from './config.js';
import { InstagramError } from './errors.js';
import { assertNodeId, graphUrl } from './graph-url.js';
import type { HttpTransport } from './http-transport.js';
import { isJsonObject } from './json.js';

// Per-account webhook enable (API.md §7.1 step 3): call right after connecting an account.

export const DEFAULT_WEBHOOK_FIELDS = ['comments', 'messages'] as const;

export async function subscribeWebhooks(config: ResolvedConfig, http: HttpTransport, token: string, igUserId: string, fields: readonly string[] = DEFAULT_WEBHOOK_FIELDS): Promise<boolean> {
  const id = assertNodeId(igUserId, 'user id');
  if (fields.length === 0) throw new TypeError('subscribeWebhooks: at least one field is required');
  const { body } = await http.send({
    method: 'POST',
    url: graphUrl(config, [id, 'subscribed_apps'], { subscribed_fields: fields.join(',') }),
    token,
    // Subscribing twice is harmless, so a transient failure may be retried.
    idempotent: true,
    envelope: 'graph',
  });
  if (!isJsonObject(body) || body['success'] !== true) {
    throw new InstagramError({ message: 'Instagram subscribed_apps did not answer success:true' });
  }
  return true;
}
