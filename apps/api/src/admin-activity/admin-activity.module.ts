import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AdminActivityGateway } from './admin-activity.gateway.js';

/** The console's live activity socket (mounted only in the HTTP app, by the WsAdapter in bootstrap). */
@Module({ imports: [JwtModule.register({})], providers: [AdminActivityGateway] })
export class AdminActivityModule {}
