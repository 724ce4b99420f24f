import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AuditsModule } from '../audits/audits.module.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardService } from './dashboard.service.js';

@Module({ imports: [AccountsModule, AuditsModule], controllers: [DashboardController], providers: [DashboardService] })
export class DashboardModule {}
