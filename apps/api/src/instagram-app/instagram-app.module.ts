import { Module } from '@nestjs/common';
import { LimitsModule } from '../limits/limits.module.js';
import { InstagramAppController } from './instagram-app.controller.js';
import { InstagramAppRepository } from './instagram-app.repository.js';
import { InstagramAppService } from './instagram-app.service.js';

/** A workspace's own Instagram app (the row and the clients live in core/instagram, shared with connect, sync and webhooks). */
@Module({
  imports: [LimitsModule],
  controllers: [InstagramAppController],
  providers: [InstagramAppService, InstagramAppRepository],
})
export class InstagramAppModule {}
