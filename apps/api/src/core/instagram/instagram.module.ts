import { Global, Module } from '@nestjs/common';
import { AdminPanelModule } from '../../admin-panel/admin-panel.module.js';
import { InstagramClientProvider } from './instagram-client.provider.js';

@Global()
@Module({ imports: [AdminPanelModule], providers: [InstagramClientProvider], exports: [InstagramClientProvider] })
export class InstagramCoreModule {}
