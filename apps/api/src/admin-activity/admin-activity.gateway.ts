import { Inject, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { WebSocketGateway, type OnGatewayConnection } from '@nestjs/websockets';
import { ADMIN_WS_AUTH_TIMEOUT_MS, ADMIN_WS_PATH, ADMIN_WS_UNAUTHORIZED, type ActivityEvent } from '@instagrowth/contracts';
import type { IncomingMessage } from 'node:http';
import type { WebSocket, RawData } from 'ws';
import { ActivityBus } from '../core/activity/activity.bus.js';
import { JWT_ALGORITHM, jwtSettings } from '../core/auth/jwt-keys.js';
import { PrincipalRepository } from '../core/auth/principal.repository.js';
import { APP_CONFIG, type AppConfig } from '../core/config/config.js';
import { classifyHost } from '../core/tenancy/host.js';

const MAX_AUTH_FRAME = 8_192;

/**
 * The console's live feed at `/api/admin-ws` on the admin host. A socket is nobody's until its first message
 * `{ "type": "auth", "token": "<admin access token>" }` proves a super-admin; anything else (another
 * message, a workspace token, an expired one, silence for 5 s) closes it with 4401. Then it receives
 * every activity event published in any process, as JSON, until it closes. A token expiring later
 * does not cut the feed: it carries no data a request could not read, and the page re-authenticates
 * on reconnect.
 */
@WebSocketGateway({ path: ADMIN_WS_PATH, maxPayload: 64 * 1024 })
export class AdminActivityGateway implements OnGatewayConnection, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('AdminWs');
  private readonly subscribers = new Set<WebSocket>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly principals: PrincipalRepository,
    private readonly activity: ActivityBus,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.activity.subscribe((event) => this.broadcast(event));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    for (const ws of this.subscribers) ws.close(1001, 'server shutting down');
    this.subscribers.clear();
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
      this.subscribers.delete(client);
    });
    client.once('message', (data: RawData, isBinary: boolean) => {
      void this.authenticate(data, isBinary).then(
        (admin) => {
          if (!admin) return refuse('unauthorized: send { "type": "auth", "token": "<admin access token>" } first');
          clearTimeout(timer);
          if (client.readyState !== client.OPEN) return;
          this.subscribers.add(client);
          client.send(JSON.stringify({ type: 'session.ready', at: new Date().toISOString(), admin: admin.email }));
        },
        (error: unknown) => {
          this.logger.warn(`auth failed: ${String(error)}`);
          refuse('unauthorized');
        },
      );
    });
  }

  private async authenticate(data: RawData, isBinary: boolean): Promise<{ id: string; email: string } | null> {
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
    let claims: { sub?: unknown; typ?: unknown };
    try {
      // The admin key and audience: a workspace token fails here.
      claims = await this.jwt.verifyAsync(m.token, { secret: s.secret, audience: s.audience, issuer: s.issuer, algorithms: [JWT_ALGORITHM] });
    } catch {
      return null;
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string') return null;
    // A deleted admin's token stops working at once, as on the HTTP routes.
    return this.principals.findAdmin(claims.sub);
  }

  private broadcast(event: ActivityEvent): void {
    const frame = JSON.stringify(event);
    for (const ws of this.subscribers) if (ws.readyState === ws.OPEN) ws.send(frame);
  }
}
