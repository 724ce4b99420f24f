import { Injectable } from '@nestjs/common';
import { asSubject, type Action } from '@instagrowth/authz';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { forbidden, notFound } from '../core/errors/domain-error.js';
import { ContentRepository } from './content.repository.js';

/** Content and plans belong to an account: `{ accountId }` is what the CASL rules check. */
@Injectable()
export class ContentAccess {
  constructor(private readonly repo: ContentRepository) {}

  /** The account exists and the actor may `action` its `subject`; not-yours answers like not-found. */
  async assert(actor: MemberPrincipal, accountId: string, subject: 'Content' | 'Plan', action: Action): Promise<void> {
    const exists = await this.repo.accountExists(accountId);
    const can = (a: Action) => actor.ability.can(a, asSubject(subject, { accountId }));
    if (!exists || !(can(action) || can('read') || actor.ability.can('read', asSubject('InstagramAccount', { id: accountId })))) throw notFound('Account');
    if (!can(action)) throw forbidden(`You can see this account but not ${action} its ${subject === 'Plan' ? 'plans' : 'content'}.`);
  }
}
