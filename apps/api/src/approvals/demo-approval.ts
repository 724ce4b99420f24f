import type { INestApplicationContext } from '@nestjs/common';
import { ContentRepository } from '../content/content.repository.js';
import { ApprovalsRepository } from './approvals.repository.js';

/**
 * The demo's drafted library item, sent by its manager for approval, so the demo client finds one
 * request in the Approvals inbox. Runs inside the demo tenant's context after the demo content.
 */
export async function seedDemoApproval(app: INestApplicationContext, accountId: string, manager: { id: string; name: string } | undefined): Promise<void> {
  if (!manager) return;
  const { rows } = await app.get(ContentRepository, { strict: false }).list({ accountIds: [accountId], statuses: ['drafted'] }, 1, 0);
  const item = rows[0];
  if (!item) return;
  const repo = app.get(ApprovalsRepository, { strict: false });
  const snapshot = { kind: item.kind, title: item.title, text: item.body, data: item.data, tags: item.tags };
  const id = await repo.insertRequest({ subjectType: 'content', subjectId: item.id, accountId, title: item.title, snapshot, requestedBy: manager.id });
  if (id) await repo.insertEvent(id, 'requested', { id: manager.id, name: manager.name, role: 'manager' }, 'The hook for Saturday’s reel: good to post?');
}
