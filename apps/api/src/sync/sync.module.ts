import { Module } from '@nestjs/common';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { TeamRepository } from '../team/team.repository.js';
import { SyncRepository } from './sync.repository.js';
import { SyncSchedule } from './sync.schedule.js';
import { SyncService } from './sync.service.js';
import { TokenRefreshService } from './token-refresh.service.js';

@Module({
  providers: [SyncService, SyncRepository, SyncSchedule, TokenRefreshService, AccountsRepository, TeamRepository],
  exports: [SyncService, SyncRepository, TokenRefreshService],
})
export class SyncModule {}
