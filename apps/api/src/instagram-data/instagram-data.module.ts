import { Module } from '@nestjs/common';
import { InstagramDataRepository } from './instagram-data.repository.js';

/** Stored Instagram history (media, insights, daily metrics), shared by accounts (manual entry, CSV) and sync. */
@Module({ providers: [InstagramDataRepository], exports: [InstagramDataRepository] })
export class InstagramDataModule {}
