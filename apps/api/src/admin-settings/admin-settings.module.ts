import { Module } from '@nestjs/common';
import { AdminSettingsController } from './admin-settings.controller.js';
import { ConnectionTestService } from './connection-test.service.js';

/** The console's settings tools beyond the store itself (admin-panel): test connection. */
@Module({ controllers: [AdminSettingsController], providers: [ConnectionTestService] })
export class AdminSettingsModule {}
