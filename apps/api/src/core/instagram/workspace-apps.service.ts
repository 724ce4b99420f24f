import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { SecretBox } from '../crypto/secret-box.js';
import { WorkspaceAppsRepository, type StoredWorkspaceApp } from './workspace-apps.repository.js';

/** A workspace's own Instagram app, secret opened. Never leaves the server: views carry only the last 4. */
export interface WorkspaceApp {
  tenantId: number;
  appId: string;
  appSecret: string;
  secretLast4: string;
  webhookVerifyToken: string;
  updatedAt: Date;
}

/**
 * Seals and opens workspace app secrets: AES-256-GCM (SETTINGS_ENCRYPTION_KEY, like the platform's
 * settings) with the workspace id as associated data, so a sealed secret copied to another
 * workspace's row does not open.
 */
@Injectable()
export class WorkspaceApps {
  private readonly box: SecretBox;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly repo: WorkspaceAppsRepository,
  ) {
    this.box = new SecretBox(config.settingsKey);
  }

  private open(row: StoredWorkspaceApp): WorkspaceApp {
    const { secretEnc, ...rest } = row;
    return { ...rest, appSecret: this.box.open(secretEnc, aad(row.tenantId)) };
  }

  async find(tenantId: number): Promise<WorkspaceApp | null> {
    const row = await this.repo.findByTenant(tenantId);
    return row ? this.open(row) : null;
  }

  async findByAppId(appId: string): Promise<WorkspaceApp[]> {
    return (await this.repo.findByAppId(appId)).map((row) => this.open(row));
  }

  /** Keeps the webhook verify token across secret changes: it is registered at Meta already. */
  async save(tenantId: number, appId: string, appSecret: string): Promise<WorkspaceApp> {
    const existing = await this.repo.findByTenant(tenantId);
    const row = await this.repo.upsert({
      tenantId,
      appId,
      secretEnc: this.box.seal(appSecret, aad(tenantId)),
      secretLast4: appSecret.slice(-4),
      webhookVerifyToken: existing?.webhookVerifyToken ?? randomBytes(18).toString('base64url'),
    });
    return this.open(row);
  }

  remove(tenantId: number): Promise<void> {
    return this.repo.delete(tenantId);
  }
}

const aad = (tenantId: number) => `ig-app-secret:${tenantId}`;
