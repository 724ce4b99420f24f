import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { PlatformAuditLogEntity, type PlatformAuditLog } from './control.entity.js';

export interface AuditEntry {
  actorType: 'admin' | 'user' | 'system' | 'visitor';
  actorId?: string | null;
  action: string;
  tenantId?: number | null;
  targetId?: string | null;
  meta?: Record<string, unknown> | null;
  ip?: string | null;
}

/** The platform audit log: who did what to which tenant. Never holds secrets. */
@Injectable()
export class PlatformAuditRepository {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** `tx`: record inside the caller's transaction, so the row and the change it describes commit together. */
  async record(entry: AuditEntry, tx?: EntityManager): Promise<void> {
    const em = tx ?? this.orm.em.fork();
    em.create(PlatformAuditLogEntity, {
      id: randomUUID(),
      actorType: entry.actorType,
      actorId: entry.actorId ?? null,
      action: entry.action,
      tenantId: entry.tenantId ?? null,
      targetId: entry.targetId ?? null,
      meta: entry.meta ?? null,
      ip: entry.ip ?? null,
      createdAt: new Date(),
    });
    await em.flush();
  }

  list(limit = 200): Promise<PlatformAuditLog[]> {
    return this.orm.em.fork().find(PlatformAuditLogEntity, {}, { orderBy: { createdAt: 'desc' }, limit });
  }
}
