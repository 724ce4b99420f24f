import { LimitsModule } from '../limits/limits.module.js';
import { Module } from '@nestjs/common';
import { InstagramDataModule } from '../instagram-data/instagram-data.module.js';
import { AccountsIndexRepository } from './accounts-index.repository.js';
import { AccountsController } from './accounts.controller.js';
import { AccountsRepository } from './accounts.repository.js';
import { AccountsService } from './accounts.service.js';

@Module({
  imports: [InstagramDataModule, LimitsModule],
  controllers: [AccountsController],
  providers: [AccountsService, AccountsRepository, AccountsIndexRepository],
  exports: [AccountsService, AccountsRepository, AccountsIndexRepository],
})
export class AccountsModule {}
