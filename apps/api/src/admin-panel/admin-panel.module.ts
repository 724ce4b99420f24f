import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AdminPanelController } from './admin-panel.controller.js';
import { AdminPanelRepository } from './admin-panel.repository.js';
import { AdminPanelService } from './admin-panel.service.js';

@Module({
  imports: [JwtModule.register({})],
  controllers: [AdminPanelController],
  providers: [AdminPanelService, AdminPanelRepository],
  exports: [AdminPanelService],
})
export class AdminPanelModule {}
