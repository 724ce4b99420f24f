import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { SecretBox } from '../crypto/secret-box.js';

/** An account without a stored token cannot sync until it is reconnected: retrying will not help. */
export class MissingInstagramTokenError extends Error {
  readonly retryable = false;
  constructor() {
    super('This account has no token: reconnect it.');
  }
}

/**
 * Instagram access tokens at rest: AES-256-GCM (SETTINGS_ENCRYPTION_KEY) bound to the account id as
 * associated data, so a sealed token copied onto another account row does not open.
 */
@Injectable()
export class InstagramTokenVault {
  private readonly box: SecretBox;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.box = new SecretBox(config.settingsKey);
  }

  seal(accountId: string, token: string): string {
    return this.box.seal(token, aad(accountId));
  }

  open(account: { id: string; tokenEnc?: string | null }): string {
    if (!account.tokenEnc) throw new MissingInstagramTokenError();
    return this.box.open(account.tokenEnc, aad(account.id));
  }
}

const aad = (accountId: string) => `ig-token:${accountId}`;
