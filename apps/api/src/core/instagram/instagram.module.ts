import { Global, Module } from '@nestjs/common';
import { AdminPanelModule } from '../../admin-panel/admin-panel.module.js';
import { InstagramClientProvider } from './instagram-client.provider.js';
import { InstagramTokenVault } from './token-vault.js';

@Global()
@Module({ imports: [AdminPanelModule], providers: [InstagramClientProvider, InstagramTokenVault], exports: [InstagramClientProvider, InstagramTokenVault] })
export class InstagramCoreModule {}
