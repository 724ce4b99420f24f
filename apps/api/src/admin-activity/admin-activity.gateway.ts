import { Inject, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { WebSocketGateway, type OnGatewayConnection } from '@nestjs/websockets';
import { ADMIN_WS_AUTH_TIMEOUT_MS, ADMIN_WS_PATH, ADMIN_WS_UNAUTHORIZED, type ActivityEvent } from '@instagrowth/contracts';
import type { IncomingMessage } from 'node:http';
import type { WebSocket, RawData } from 'ws';
import { ActivityBus } from '../core/activity/activity.bus.js';
import { AdminSessionBus } from '../core/auth/admin-session.bus.js';
import { JWT_ALGORITHM, jwtSettings } from '../core/auth/jwt-keys.js';
import { PrincipalRepository } from '../core/auth/principal.repository.js';
import { APP_CONFIG, type AppConfig } from '../core/config/config.js';
import { classifyHost } from '../core/tenancy/host.js';

const MAX_AUTH_FRAME = 8_192;
/** How often open sockets re-check their sessions (idle timeout, sign-out heard by no message). */
export const ADMIN_WS_SESSION_CHECK_MS = 30_000;
/** setTimeout's ceiling (about 24.8 days); a later expiry is caught by the periodic check. */
const MAX_TIMER_MS = 2_147_483_647;

/** Who a socket belongs to: the admin, the session its token names, and when that token expires. */
interface Subscriber {
  adminId: string;
  sessionId: string;
  expiresAt: number;
  expiry: ReturnType<typeof setTimeout>;
}

/**
 * The console's live feed at `/api/admin-ws` on the admin host. A socket is nobody's until its first message
 * `{ "type": "auth", "token": "<admin access token>" }` proves a super-admin; anything else (another
 * message, a workspace token, an expired one, a signed-out or idle session, silence for 5 s) closes
 * it with 4401. Then it receives every activity event published in any process, as JSON, until it
 * closes. The feed lives no longer than the session it was opened with: it closes with 4401 when the
 * token expires (a timer), when the session is signed out (a message to every process) and when the
 * session ends otherwise (idle timeout, admin removed: a check every 30 s). An open socket is not
 * activity: it does not keep an idle session alive.
 */
@WebSocketGateway({ path: ADMIN_WS_PATH, maxPayload: 64 * 1024 })
export class AdminActivityGateway implements OnGatewayConnection, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('AdminWs');
  private readonly subscribers = new Map<WebSocket, Subscriber>();
  private unsubscribe: (() => void) | undefined;
  private unsubscribeSessions: (() => void) | undefined;
  private sessionCheck: ReturnType<typeof setInterval> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly principals: PrincipalRepository,
    private readonly activity: ActivityBus,
    private readonly sessions: AdminSessionBus,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.activity.subscribe((event) => this.broadcast(event));
    this.unsubscribeSessions = this.sessions.subscribe(({ sessionId }) => {
      for (const [ws, sub] of this.subscribers) if (sub.sessionId === sessionId) this.end(ws, 'session ended: signed out');
    });
    this.sessionCheck = setInterval(() => {
      this.checkSessions().catch((error: unknown) => this.logger.warn(`session check failed: ${String(error)}`));
    }, ADMIN_WS_SESSION_CHECK_MS);
    this.sessionCheck.unref();
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    this.unsubscribeSessions?.();
    clearInterval(this.sessionCheck);
    for (const [ws, sub] of this.subscribers) {
      clearTimeout(sub.expiry);
      ws.close(1001, 'server shutting down');
    }
    this.subscribers.clear();
  }

  /**
   * Closes every socket whose token has expired or whose session is no longer open at `at` (signed
   * out, idle past ADMIN_IDLE_TIMEOUT_MINUTES, admin removed). Runs every 30 s; `at` lets a test
   * ask about a later moment instead of waiting for it.
   */
  async checkSessions(at: Date = new Date()): Promise<void> {
    if (this.subscribers.size === 0) return;
    const idleSeconds = this.config.console.adminIdleTimeoutMinutes * 60;
    const open = [...this.subscribers];
    const live = await this.principals.liveAdminSessions([...new Set(open.map(([, s]) => s.sessionId))], idleSeconds, at);
    for (const [ws, sub] of open) {
      if (sub.expiresAt <= at.getTime()) this.end(ws, 'session ended: token expired');
      else if (!live.has(sub.sessionId)) this.end(ws, 'session ended: signed out or idle timeout');
    }
  }

  /** Closes a subscribed socket with 4401 (the dashboard feed then stops reconnecting and shows it is signed out). */
  private end(ws: WebSocket, reason: string): void {
    const sub = this.subscribers.get(ws);
    if (!sub) return;
    clearTimeout(sub.expiry);
    this.subscribers.delete(ws);
    if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(ADMIN_WS_UNAUTHORIZED, reason);
  }

  handleConnection(client: WebSocket, request?: IncomingMessage): void {
    // The console's socket lives on the admin host only, like the console's routes.
    if (request && classifyHost(request.headers.host, this.config.baseDomain).realm !== 'admin') {
      client.close(ADMIN_WS_UNAUTHORIZED, 'the admin socket is on the admin host');
      return;
    }
    const timer = setTimeout(() => refuse('no auth message within 5 seconds'), ADMIN_WS_AUTH_TIMEOUT_MS);
    const refuse = (reason: string) => {
      clearTimeout(timer);
      if (client.readyState === client.OPEN || client.readyState === client.CONNECTING) client.close(ADMIN_WS_UNAUTHORIZED, reason);
    };
    client.once('close', () => {
      clearTimeout(timer);
      const sub = this.subscribers.get(client);
      if (sub) clearTimeout(sub.expiry);
      this.subscribers.delete(client);
    });
    client.once('message', (data: RawData, isBinary: boolean) => {
      void this.authenticate(data, isBinary).then(
        (admin) => {
          if (!admin) return refuse('unauthorized: send { "type": "auth", "token": "<admin access token>" } first');
          clearTimeout(timer);
          if (client.readyState !== client.OPEN) return;
          const expiry = setTimeout(() => this.end(client, 'session ended: token expired'), Math.min(MAX_TIMER_MS, Math.max(0, admin.expiresAt - Date.now())));
          expiry.unref();
          this.subscribers.set(client, { adminId: admin.id, sessionId: admin.sessionId, expiresAt: admin.expiresAt, expiry });
          client.send(JSON.stringify({ type: 'session.ready', at: new Date().toISOString(), admin: admin.email }));
        },
        (error: unknown) => {
          this.logger.warn(`auth failed: ${String(error)}`);
          refuse('unauthorized');
        },
      );
    });
  }

  private async authenticate(data: RawData, isBinary: boolean): Promise<{ id: string; email: string; sessionId: string; expiresAt: number } | null> {
    if (isBinary) return null;
    const text = data.toString();
    if (text.length > MAX_AUTH_FRAME) return null;
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return null;
    }
    const m = message as { type?: unknown; token?: unknown };
    if (m?.type !== 'auth' || typeof m.token !== 'string') return null;
    const s = jwtSettings(this.config).admin;
    let claims: { sub?: unknown; typ?: unknown; sid?: unknown; exp?: unknown };
    try {
      // The admin key and audience: a workspace token fails here.
      claims = await this.jwt.verifyAsync(m.token, { secret: s.secret, audience: s.audience, issuer: s.issuer, algorithms: [JWT_ALGORITHM] });
    } catch {
      return null;
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.exp !== 'number') return null;
    // As on the HTTP routes: the session must be open and within its idle timeout (opening the feed
    // is a use of it), and a deleted admin's token stops working at once.
    const admin = await this.principals.touchAdminSession(claims.sub, claims.sid, this.config.console.adminIdleTimeoutMinutes * 60);
    return admin ? { ...admin, sessionId: claims.sid, expiresAt: claims.exp * 1000 } : null;
  }

  private broadcast(event: ActivityEvent): void {
    const frame = JSON.stringify(event);
    for (const ws of this.subscribers.keys()) if (ws.readyState === ws.OPEN) ws.send(frame);
  }
}
