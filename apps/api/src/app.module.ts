import { Global, Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { ScheduleModule } from '@nestjs/schedule';
import { MikroORM } from '@mikro-orm/postgresql';
import { AdminPanelModule } from './admin-panel/admin-panel.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ControlModule } from './control/control.module.js';
import { AccessGuard } from './core/auth/access.guard.js';
import { AdminJwtStrategy, WorkspaceJwtStrategy } from './core/auth/jwt.strategy.js';
import { PrincipalRepository } from './core/auth/principal.repository.js';
import { AdminSessionBus } from './core/auth/admin-session.bus.js';
import { APP_CONFIG, type AppConfig } from './core/config/config.js';
import { MigrationRunner } from './core/database/migration-runner.js';
import { GlobalExceptionFilter } from './core/errors/exception.filter.js';
import { MailModule } from './core/mail/mail.module.js';
import { StorageModule } from './core/storage/storage.module.js';
import { QueueModule } from './core/queue/queue.module.js';
import { RateLimitModule } from './core/rate-limit/rate-limit.module.js';
import { AsyncScope } from './core/tenancy/async-scope.js';
import { TenantContext } from './core/tenancy/tenant-context.js';
import { CacheBus } from './core/tenancy/cache-bus.js';
import { TenantResolver } from './core/tenancy/tenant-resolver.service.js';
import { HealthModule } from './health/health.module.js';
import { TeamModule } from './team/team.module.js';
import { WorkspacesModule } from './workspaces/workspaces.module.js';
import { AccountsModule } from './accounts/accounts.module.js';
import { InstagramCoreModule } from './core/instagram/instagram.module.js';
import { InstagramConnectModule } from './instagram-connect/instagram-connect.module.js';
import { SyncModule } from './sync/sync.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';
import { CreditsModule } from './credits/credits.module.js';
import { TenantDb } from './core/tenancy/tenant-db.js';
import { ControlDb } from './core/database/control-db.js';
import { PdfModule } from './core/pdf/pdf.module.js';
import { ContentModule } from './content/content.module.js';
import { PlannerModule } from './planner/planner.module.js';
import { AiModule } from './core/ai/ai.module.js';
import { AuditsModule } from './audits/audits.module.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { PlansModule } from './plans/plans.module.js';
import { LimitsModule } from './limits/limits.module.js';
import { BillingModule } from './billing/billing.module.js';
import { ReferralsModule } from './referrals/referrals.module.js';
import { BrandingModule } from './branding/branding.module.js';
import { DomainsModule } from './domains/domains.module.js';
import { InstagramAppModule } from './instagram-app/instagram-app.module.js';
import { ClientsModule } from './clients/clients.module.js';
import { PubSubModule } from './core/pubsub/pubsub.module.js';
import { SettingsModule } from './core/settings/settings.module.js';
import { ActivityModule } from './core/activity/activity.module.js';
import { AdminActivityModule } from './admin-activity/admin-activity.module.js';
import { AdminDashboardModule } from './admin-dashboard/admin-dashboard.module.js';
import { AdminSettingsModule } from './admin-settings/admin-settings.module.js';
import { AdminCatalogModule } from './admin-catalog/admin-catalog.module.js';
import { ConsoleModule } from './console/console.module.js';
import { ImpersonationModule } from './impersonation/impersonation.module.js';
import { AnnouncementsModule } from './announcements/announcements.module.js';
import { ApprovalsModule } from './approvals/approvals.module.js';
import { MailAutomationsModule } from './mail/mail.module.js';


export interface AppModuleOptions {
  config: AppConfig;
  orm: MikroORM;
  /** The API runs queue workers too unless a separate worker process takes them. */
  runWorkers: boolean;
  /** The worker entry point has no HTTP routes. */
  http: boolean;
}

/** Process-wide singletons: config, the one ORM, tenancy and the access guard's helpers. */
@Global()
@Module({})
class CoreModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: MikroORM, useValue: options.orm },
        { provide: MigrationRunner, useFactory: (orm: MikroORM) => new MigrationRunner(orm.em), inject: [MikroORM] },
        AsyncScope,
        TenantContext,
        CacheBus,
        TenantResolver,
        TenantDb,
        ControlDb,
        PrincipalRepository,
        AdminSessionBus,
        WorkspaceJwtStrategy,
        AdminJwtStrategy,
      ],
      exports: [APP_CONFIG, MikroORM, MigrationRunner, AsyncScope, TenantContext, CacheBus, TenantDb, ControlDb, TenantResolver, PrincipalRepository, AdminSessionBus],
    };
  }
}

@Module({})
export class AppModule implements NestModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    // An application context (worker, CLI) mounts no routes, so the same modules serve both.
    const domainModules = [HealthModule, WorkspacesModule, AuthModule, TeamModule, AdminPanelModule, InstagramCoreModule, SyncModule, AccountsModule, InstagramConnectModule, WebhooksModule, CreditsModule, PdfModule, AiModule, AuditsModule, DashboardModule, ContentModule, PlannerModule, PlansModule, LimitsModule, BillingModule, ReferralsModule, BrandingModule, DomainsModule, ClientsModule, InstagramAppModule, AdminActivityModule, AdminDashboardModule, AdminSettingsModule, AdminCatalogModule, ConsoleModule, ImpersonationModule, AnnouncementsModule, ApprovalsModule, MailAutomationsModule];
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options),
        ControlModule,
        RateLimitModule.forRoot(options.config),
        QueueModule.forRoot(options.config, { runWorkers: options.runWorkers }),
        PubSubModule.forRoot(options.config),
        SettingsModule,
        ActivityModule,
        MailModule,
        StorageModule,
        PassportModule,
        ScheduleModule.forRoot(),
        ...domainModules,
      ],
      providers: options.http
        ? [
            { provide: APP_GUARD, useClass: AccessGuard },
            { provide: APP_FILTER, useClass: GlobalExceptionFilter },
          ]
        : [],
    };
  }

  configure(_consumer: MiddlewareConsumer): void {}
}
