import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { SyncModule } from '../sync/sync.module.js';
import { InstagramConnectController } from './instagram-connect.controller.js';
import { InstagramConnectRepository } from './instagram-connect.repository.js';
import { InstagramConnectService } from './instagram-connect.service.js';

@Module({
  imports: [AccountsModule, SyncModule],
  controllers: [InstagramConnectController],
  providers: [InstagramConnectService, InstagramConnectRepository],
})
export class InstagramConnectModule {}
