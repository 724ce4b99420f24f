import { Injectable } from '@nestjs/common';
import { isTimeZone, TIME_ZONE_MESSAGE } from '@instagrowth/contracts';
import { validationFailed } from '../core/errors/domain-error.js';
import { AccountsService } from '../accounts/accounts.service.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { AuditsRepository } from './audits.repository.js';

/** The account's time zone (§2): its own, else the workspace's; the engine gets it with every audit. */
@Injectable()
export class AccountSettingsService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly repo: AuditsRepository,
    private readonly ctx: TenantContext,
  ) {}

  async timeZone(actor: MemberPrincipal, accountId: string) {
    const account = await this.accounts.findOneOrFail(actor, accountId);
    return { timeZone: await this.repo.accountTimeZone(account.id, this.ctx.tenant.id) };
  }

  async setTimeZone(actor: MemberPrincipal, accountId: string, timeZone: string) {
    const account = await this.accounts.findOneOrFail(actor, accountId, 'update');
    if (!isTimeZone(timeZone)) throw validationFailed({ timeZone: TIME_ZONE_MESSAGE });
    await this.repo.setAccountTimeZone(account.id, timeZone);
    return { timeZone };
  }
}
