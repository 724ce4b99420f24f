import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { ControlDb } from '../core/database/control-db.js';
import { controlTable, sql } from '../core/database/sql.js';
import { PlatformAdminEntity, SystemSettingEntity, type PlatformAdmin, type SystemSetting } from '../control/control.entity.js';

/** Platform admins and system settings, in the control schema. */
@Injectable()
export class AdminPanelRepository {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly db: ControlDb,
  ) {}

  findAdminByEmail(email: string): Promise<PlatformAdmin | null> {
    return this.orm.em.fork().findOne(PlatformAdminEntity, { email });
  }

  async createAdmin(input: { email: string; passwordHash: string; totpSecretEnc: string }): Promise<PlatformAdmin> {
    const em = this.orm.em.fork();
    const admin = em.create(PlatformAdminEntity, { id: randomUUID(), ...input, lastLoginAt: null, createdAt: new Date() });
    await em.flush();
    return admin;
  }

  /** True when `step` is later than the last used one (and is now the last used one). */
  async claimTotpStep(id: string, step: number): Promise<boolean> {
    const claimed = await this.db.execute(
      sql`update ${controlTable('platform_admins')} set totp_last_step = ${step}
          where id = ${id} and (totp_last_step is null or totp_last_step < ${step})`,
    );
    return claimed === 1;
  }

  async touchLogin(id: string): Promise<void> {
    await this.orm.em.fork().nativeUpdate(PlatformAdminEntity, { id }, { lastLoginAt: new Date() });
  }

  /** A new admin session (the token names it; the access guard enforces its idle timeout). */
  async createSession(adminId: string, ip: string | null): Promise<string> {
    const id = randomUUID();
    await this.db.execute(sql`insert into ${controlTable('admin_sessions')} (id, admin_id, ip) values (${id}, ${adminId}, ${ip})`);
    return id;
  }

  async endSession(id: string, adminId: string): Promise<void> {
    await this.db.execute(sql`update ${controlTable('admin_sessions')} set ended_at = now() where id = ${id} and admin_id = ${adminId} and ended_at is null`);
  }

  listSettings(): Promise<SystemSetting[]> {
    return this.orm.em.fork().find(SystemSettingEntity, {});
  }

  async upsertSetting(key: string, valueEnc: string): Promise<void> {
    await this.orm.em.fork().upsert(SystemSettingEntity, { key, valueEnc, updatedAt: new Date() });
  }

  async deleteSetting(key: string): Promise<void> {
    await this.orm.em.fork().nativeDelete(SystemSettingEntity, { key });
  }
}
