import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { InstagramDataModule } from '../instagram-data/instagram-data.module.js';
import { SyncController } from './sync.controller.js';
import { TeamRepository } from '../team/team.repository.js';
import { SyncRepository } from './sync.repository.js';
import { SyncSchedule } from './sync.schedule.js';
import { SyncService } from './sync.service.js';
import { TokenRefreshService } from './token-refresh.service.js';

/** Depends on accounts (never the other way): accounts owns the account rows and access, sync keeps them fresh. */
@Module({
  imports: [AccountsModule, InstagramDataModule],
  controllers: [SyncController],
  providers: [SyncService, SyncRepository, SyncSchedule, TokenRefreshService, AccountsRepository, TeamRepository],
  exports: [SyncService, SyncRepository, TokenRefreshService],
})
export class SyncModule {}
