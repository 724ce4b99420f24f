import { Global, Module } from '@nestjs/common';
import { AdminPanelModule } from '../../admin-panel/admin-panel.module.js';
import { InstagramClientProvider } from './instagram-client.provider.js';
import { InstagramTokenVault } from './token-vault.js';
import { WorkspaceApps } from './workspace-apps.service.js';
import { WorkspaceAppsRepository } from './workspace-apps.repository.js';

@Global()
@Module({ imports: [AdminPanelModule], providers: [InstagramClientProvider, InstagramTokenVault, WorkspaceApps, WorkspaceAppsRepository], exports: [InstagramClientProvider, InstagramTokenVault, WorkspaceApps] })
export class InstagramCoreModule {}
