import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { SYSTEM_SETTINGS, type SystemSettingKey } from '@instagrowth/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { SecretBox } from '../crypto/secret-box.js';
import { PUBSUB, type PubSub } from '../pubsub/pubsub.js';
import { SettingsRepository } from './settings.repository.js';

export const SETTINGS_CHANNEL = 'settings.changed';
/** A safety net only: a change normally reaches every process at once through pub/sub. */
export const SETTINGS_MAX_AGE_MS = 60_000;

type Snapshot = { version: number; loadedAt: number; values: Map<SystemSettingKey, string> };
export type SettingsListener = (keys: SystemSettingKey[]) => void;

/**
 * The system settings every feature reads (OpenAI, Stripe, Instagram, Resend): all rows read and
 * decrypted once into a versioned snapshot, served from memory. A change (`changed(keys)`, called by
 * whoever wrote the rows) drops the snapshot here and, through Redis pub/sub, in every other
 * process; clients built from settings subscribe with `onChange` to rebuild.
 */
@Injectable()
export class SettingsService implements OnModuleInit {
  private readonly logger = new Logger('Settings');
  private readonly box: SecretBox;
  private snapshot: Snapshot | undefined;
  private loading: Promise<Snapshot> | undefined;
  private version = 0;
  private readonly listeners = new Set<SettingsListener>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly repo: SettingsRepository,
    @Inject(PUBSUB) private readonly pubsub: PubSub,
  ) {
    this.box = new SecretBox(config.settingsKey);
  }

  onModuleInit(): void {
    this.pubsub.subscribe(SETTINGS_CHANNEL, (message) => {
      const keys = (message as { keys?: unknown }).keys;
      this.invalidateLocal(Array.isArray(keys) ? (keys.filter((k) => typeof k === 'string' && k in SYSTEM_SETTINGS) as SystemSettingKey[]) : []);
    });
  }

  /** The decrypted value, or null when the super-admin has not set it. */
  async get(key: SystemSettingKey): Promise<string | null> {
    return (await this.current()).values.get(key) ?? null;
  }

  async getMany<K extends SystemSettingKey>(keys: readonly K[]): Promise<Record<K, string | null>> {
    const snap = await this.current();
    return Object.fromEntries(keys.map((k) => [k, snap.values.get(k) ?? null])) as Record<K, string | null>;
  }

  /** Increases each time this process loads a new snapshot. */
  currentVersion(): number {
    return this.version;
  }

  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call after writing settings rows: this process forgets at once, the others when the message arrives. */
  async changed(keys: SystemSettingKey[]): Promise<void> {
    this.invalidateLocal(keys);
    await this.pubsub.publish(SETTINGS_CHANNEL, { keys }).catch((e: Error) => this.logger.warn(`could not announce a settings change: ${e.message}`));
  }

  private invalidateLocal(keys: SystemSettingKey[]): void {
    this.snapshot = undefined;
    this.loading = undefined;
    for (const l of this.listeners) {
      try {
        l(keys);
      } catch (error) {
        this.logger.warn(`settings listener failed: ${String(error)}`);
      }
    }
  }

  private async current(): Promise<Snapshot> {
    if (this.snapshot && Date.now() - this.snapshot.loadedAt < SETTINGS_MAX_AGE_MS) return this.snapshot;
    // One load at a time: a burst of readers after an invalidation shares it.
    this.loading ??= this.load();
    const loading = this.loading;
    try {
      const snap = await loading;
      // An invalidation during the load dropped `loading`: keep the result for this caller only.
      if (this.loading === loading) this.snapshot = snap;
      return snap;
    } finally {
      if (this.loading === loading) this.loading = undefined;
    }
  }

  private async load(): Promise<Snapshot> {
    const rows = await this.repo.all();
    const values = new Map<SystemSettingKey, string>();
    for (const row of rows) {
      if (!(row.key in SYSTEM_SETTINGS)) continue;
      values.set(row.key as SystemSettingKey, this.box.open(row.valueEnc, `setting:${row.key}`));
    }
    return { version: ++this.version, loadedAt: Date.now(), values };
  }
}
