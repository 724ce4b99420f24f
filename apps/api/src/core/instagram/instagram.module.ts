import { Global, Module } from '@nestjs/common';
import { InstagramClientProvider } from './instagram-client.provider.js';
import { InstagramTokenVault } from './token-vault.js';

@Global()
@Module({ providers: [InstagramClientProvider, InstagramTokenVault], exports: [InstagramClientProvider, InstagramTokenVault] })
export class InstagramCoreModule {}
