import { Global, Module } from '@nestjs/common';
import { SettingsRepository } from './settings.repository.js';
import { SettingsService } from './settings.service.js';

/** System settings for every module (cached, invalidated across processes). */
@Global()
@Module({ providers: [SettingsService, SettingsRepository], exports: [SettingsService] })
export class SettingsModule {}
