import type { z, ZodType } from 'zod';
import {
  adminMailLogSchema,
  createSendingDomainSchema,
  mailLogQuerySchema,
  mailLogSchema,
  mailPreferencesSchema,
  mailPreviewRequestSchema,
  mailPreviewSchema,
  mailTemplateDetailSchema,
  mailTemplateListSchema,
  mailTemplateSourceSchema,
  mailTestSendSchema,
  mailTestSentSchema,
  mailSuppressionListSchema,
  resendWebhookAckSchema,
  sendingDomainViewSchema,
  unsubscribeQuerySchema,
  unsubscribeViewSchema,
  updateMailPreferencesSchema,
} from './mail.js';
import { instagramAppInputSchema, instagramAppViewSchema } from './instagram-app.js';
import { assignmentsSchema, connectQuerySchema, csvImportSchema, manualAccountSchema, manualMetricsSchema, mediaListQuerySchema } from './accounts.js';
import {
  accountDetailSchema,
  accountListSchema,
  accountSummarySchema,
  assignmentListSchema,
  authorizeUrlSchema,
  importReportSchema,
  mediaListSchema,
  refreshResponseSchema,
  syncRunViewSchema,
  webhookReceiptSchema,
} from './accounts.responses.js';
import {
  approvalCommentSchema,
  approvalDecisionSchema,
  approvalListQuerySchema,
  approvalListSchema,
  approvalViewSchema,
  createApprovalSchema,
  magicLinkRequestSchema,
  magicLinkSentSchema,
  planShareLinkListSchema,
  planShareLinkSchema,
  roadmapTickSchema,
  roadmapTicksSchema,
} from './approvals.js';
import { adminLoginSchema, tenantStatusSchema, testConnectionSchema, updateSettingsSchema } from './admin.js';
import { adminMeSchema, adminSessionSchema, connectionTestResultSchema, outboxListSchema, outboxMessageSchema, settingListSchema, tenantViewSchema } from './admin.responses.js';
import { adminDashboardQuerySchema, adminDashboardSchema, rollupRefreshSchema } from './admin-dashboard.js';
import {
  acceptInvitationSchema,
  changeEmailSchema,
  changePasswordSchema,
  confirmEmailChangeSchema,
  forgotPasswordSchema,
  loginSchema,
  registerSchema,
  resetPasswordSchema,
  tokenBodySchema,
  updateProfileSchema,
} from './auth.js';
import { emailChangeRequestedSchema, profileResponseSchema, sessionListSchema } from './profile.responses.js';
import {
  emailVerifiedSchema,
  forgotPasswordResponseSchema,
  invitationPreviewSchema,
  meResponseSchema,
  passwordResetSchema,
  registerResponseSchema,
  sessionViewSchema,
  slugAvailabilitySchema,
  userViewSchema,
  verificationResentSchema,
} from './auth.responses.js';
import { appContextSchema, healthSchema } from './platform.responses.js';
import { brandingAssetResultSchema, brandingViewSchema, updateBrandingSchema } from './branding.js';
import { clientIdsSchema, clientInputSchema, clientListSchema, clientViewSchema, createDomainSchema, domainListSchema, domainViewSchema, tlsAskQuerySchema, tlsAskSchema } from './domains.js';
import { creditsQuerySchema, creditsResponseSchema } from './credits.js';
import { accountTimeZoneSchema, auditHistorySchema, auditStartedSchema, auditViewSchema, createShareLinkSchema, dashboardSchema, shareLinkCreatedSchema, shareLinkListSchema } from './audits.js';
import { adminCatalogSchema, productSchema, productUpdateSchema, stripeSyncResultSchema } from './billing.js';
import {
  assignedPlanSchema,
  assignPlanSchema,
  billingOverviewSchema,
  checkoutSchema,
  commissionSchema,
  payoutListSchema,
  payoutsQuerySchema,
  planSchema,
  plansResponseSchema,
  planUpdateSchema,
  redirectUrlSchema,
  referralOverviewSchema,
  referralVisitResultSchema,
  referralVisitSchema,
  webhookAckSchema,
} from './billing.js';
import { changeRoleSchema, inviteSchema } from './team.js';
import {
  brandVoiceInputSchema,
  brandVoiceSchema,
  contentItemSchema,
  contentListQuerySchema,
  contentPageSchema,
  generationRequestSchema,
  generationResponseSchema,
  saveContentSchema,
  updateContentSchema,
} from './content.js';
import { createGrowthPlanSchema, growthPlanListSchema, growthPlanSchema, planListQuerySchema, regenerateDaySchema, updateTaskSchema } from './planner.js';

import { invitationListSchema, invitationViewSchema, memberListSchema } from './team.responses.js';
import {
  acceptAdminInvitationSchema,
  accountPageSchema,
  adminInvitationPreviewSchema,
  adminInvitationViewSchema,
  adminListSchema,
  announcementInputSchema,
  announcementListSchema,
  announcementSchema,
  auditLogQuerySchema,
  auditPageSchema,
  consoleTenantSchema,
  creditGrantResultSchema,
  extendTrialSchema,
  grantCreditsSchema,
  impersonateSchema,
  impersonationExchangeSchema,
  impersonationStartSchema,
  impersonationStatusSchema,
  inviteAdminSchema,
  pagedSearchQuerySchema,
  scheduleDeletionSchema,
  tenantDetailSchema,
  tenantPageSchema,
  tenantSearchQuerySchema,
  userPageSchema,
  workspaceAnnouncementsSchema,
} from './console.js';

/** One JSON route: its request schemas and the schema of its success answer (`null`: no body). */
export interface RouteContract {
  body?: ZodType;
  query?: ZodType;
  response: ZodType | null;
}

/**
 * Every JSON route of the API by `METHOD /path` (Nest's `:param` syntax), with the same schemas the
 * controller declares (a test checks they are the very same objects). The web app's typed client
 * is built from this map: add a route here when you add it to a controller.
 */
export const apiRoutes = {
  'GET /api/health': { response: healthSchema },
  'GET /api/context': { response: appContextSchema },

  'GET /api/auth/slug/:slug': { response: slugAvailabilitySchema },
  'POST /api/auth/register': { body: registerSchema, response: registerResponseSchema },
  'POST /api/auth/login': { body: loginSchema, response: sessionViewSchema },
  'POST /api/auth/refresh': { response: sessionViewSchema },
  'POST /api/auth/logout': { response: null },
  'GET /api/auth/me': { response: meResponseSchema },
  'POST /api/auth/verify-email': { body: tokenBodySchema, response: emailVerifiedSchema },
  'POST /api/auth/resend-verification': { response: verificationResentSchema },
  'POST /api/auth/forgot-password': { body: forgotPasswordSchema, response: forgotPasswordResponseSchema },
  'POST /api/auth/reset-password': { body: resetPasswordSchema, response: passwordResetSchema },
  'GET /api/auth/invitations/:token': { response: invitationPreviewSchema },
  'POST /api/auth/accept-invitation': { body: acceptInvitationSchema, response: sessionViewSchema },
  'PATCH /api/auth/profile': { body: updateProfileSchema, response: profileResponseSchema },
  'POST /api/auth/change-password': { body: changePasswordSchema, response: null },
  'POST /api/auth/change-email': { body: changeEmailSchema, response: emailChangeRequestedSchema },
  'POST /api/auth/confirm-email-change': { body: confirmEmailChangeSchema, response: null },
  'GET /api/auth/sessions': { response: sessionListSchema },
  'DELETE /api/auth/sessions/:id': { response: null },
  'POST /api/auth/sessions/revoke-others': { response: null },

  'GET /api/team/members': { response: memberListSchema },
  'PATCH /api/team/members/:id': { body: changeRoleSchema, response: userViewSchema },
  'DELETE /api/team/members/:id': { response: null },
  'GET /api/team/invitations': { response: invitationListSchema },
  'POST /api/team/invitations': { body: inviteSchema, response: invitationViewSchema },
  'DELETE /api/team/invitations/:id': { response: null },

  'GET /api/accounts': { response: accountListSchema },
  'POST /api/accounts/manual': { body: manualAccountSchema, response: accountSummarySchema },
  'GET /api/accounts/:id': { response: accountDetailSchema },
  'GET /api/accounts/:id/media': { query: mediaListQuerySchema, response: mediaListSchema },
  'PUT /api/accounts/:id/metrics': { body: manualMetricsSchema, response: accountSummarySchema },
  'POST /api/accounts/:id/posts/import': { body: csvImportSchema, response: importReportSchema },
  'POST /api/accounts/:id/refresh': { response: refreshResponseSchema },
  'GET /api/accounts/:id/sync': { response: syncRunViewSchema },
  'DELETE /api/accounts/:id': { response: null },
  'GET /api/accounts/:id/assignments': { response: assignmentListSchema },
  'PUT /api/accounts/:id/assignments': { body: assignmentsSchema, response: assignmentListSchema },
  'GET /api/instagram/auth/url': { query: connectQuerySchema, response: authorizeUrlSchema },
  'POST /api/instagram/webhooks': { response: webhookReceiptSchema },
  'POST /api/instagram/webhooks/apps/:appId': { response: webhookReceiptSchema },
  'GET /api/instagram-app': { response: instagramAppViewSchema },
  'PUT /api/instagram-app': { body: instagramAppInputSchema, response: instagramAppViewSchema },
  'DELETE /api/instagram-app': { response: instagramAppViewSchema },

  'POST /api/admin-panel/auth/login': { body: adminLoginSchema, response: adminSessionSchema },
  'GET /api/admin-panel/auth/me': { response: adminMeSchema },
  'GET /api/admin-panel/settings': { response: settingListSchema },
  'PUT /api/admin-panel/settings': { body: updateSettingsSchema, response: settingListSchema },
  'POST /api/admin-panel/settings/test-connection': { body: testConnectionSchema, response: connectionTestResultSchema },
  'GET /api/admin-panel/outbox': { response: outboxListSchema },
  'GET /api/admin-panel/outbox/:id': { response: outboxMessageSchema },
  'GET /api/admin-panel/tenants': { query: tenantSearchQuerySchema, response: tenantPageSchema },
  'GET /api/admin-panel/tenants/:id': { response: tenantDetailSchema },
  'POST /api/admin-panel/tenants/:id/extend-trial': { body: extendTrialSchema, response: consoleTenantSchema },
  'POST /api/admin-panel/tenants/:id/credits': { body: grantCreditsSchema, response: creditGrantResultSchema },
  'POST /api/admin-panel/tenants/:id/deletion': { body: scheduleDeletionSchema, response: consoleTenantSchema },
  'DELETE /api/admin-panel/tenants/:id/deletion': { response: consoleTenantSchema },
  'POST /api/admin-panel/tenants/:id/impersonate': { body: impersonateSchema, response: impersonationStartSchema },
  'GET /api/admin-panel/users': { query: pagedSearchQuerySchema, response: userPageSchema },
  'GET /api/admin-panel/accounts': { query: pagedSearchQuerySchema, response: accountPageSchema },
  'GET /api/admin-panel/audit-log': { query: auditLogQuerySchema, response: auditPageSchema },
  'GET /api/admin-panel/announcements': { response: announcementListSchema },
  'POST /api/admin-panel/announcements': { body: announcementInputSchema, response: announcementSchema },
  'PUT /api/admin-panel/announcements/:id': { body: announcementInputSchema, response: announcementSchema },
  'DELETE /api/admin-panel/announcements/:id': { response: null },
  'POST /api/admin-panel/auth/logout': { response: null },
  'GET /api/admin-panel/admins': { response: adminListSchema },
  'POST /api/admin-panel/admins/invitations': { body: inviteAdminSchema, response: adminInvitationViewSchema },
  'GET /api/admin-panel/invitations/:token': { response: adminInvitationPreviewSchema },
  'POST /api/admin-panel/invitations/accept': { body: acceptAdminInvitationSchema, response: adminSessionSchema },
  'POST /api/impersonation/exchange': { body: impersonationExchangeSchema, response: sessionViewSchema },
  'GET /api/impersonation': { response: impersonationStatusSchema },
  'POST /api/impersonation/end': { response: null },
  'GET /api/announcements': { response: workspaceAnnouncementsSchema },
  'POST /api/announcements/:id/dismiss': { response: null },
  'PUT /api/admin-panel/tenants/:id/status': { body: tenantStatusSchema, response: tenantViewSchema },
  'GET /api/admin-panel/dashboard': { query: adminDashboardQuerySchema, response: adminDashboardSchema },
  'POST /api/admin-panel/dashboard/refresh': { response: rollupRefreshSchema },

  'GET /api/credits': { query: creditsQuerySchema, response: creditsResponseSchema },

  'GET /api/accounts/:id/brand-voice': { response: brandVoiceSchema },
  'PUT /api/accounts/:id/brand-voice': { body: brandVoiceInputSchema, response: brandVoiceSchema },
  'POST /api/accounts/:id/generations': { body: generationRequestSchema, response: generationResponseSchema },
  'GET /api/content': { query: contentListQuerySchema, response: contentPageSchema },
  'POST /api/content': { body: saveContentSchema, response: contentItemSchema },
  'PATCH /api/content/:id': { body: updateContentSchema, response: contentItemSchema },
  'DELETE /api/content/:id': { response: null },
  'POST /api/accounts/:id/growth-plans': { body: createGrowthPlanSchema, response: growthPlanSchema },
  'GET /api/growth-plans': { query: planListQuerySchema, response: growthPlanListSchema },
  'GET /api/growth-plans/:id': { response: growthPlanSchema },
  'PATCH /api/growth-plans/:id/tasks/:taskId': { body: updateTaskSchema, response: growthPlanSchema },
  'POST /api/growth-plans/:id/regenerate-day': { body: regenerateDaySchema, response: growthPlanSchema },
  'POST /api/accounts/:id/audits': { response: auditStartedSchema },
  'GET /api/accounts/:id/audits': { response: auditHistorySchema },
  'GET /api/accounts/:id/time-zone': { response: accountTimeZoneSchema },
  'PUT /api/accounts/:id/time-zone': { body: accountTimeZoneSchema, response: accountTimeZoneSchema },
  'GET /api/audits/:id': { response: auditViewSchema },
  'POST /api/audits/:id/share-links': { body: createShareLinkSchema, response: shareLinkCreatedSchema },
  'GET /api/audits/:id/share-links': { response: shareLinkListSchema },
  'DELETE /api/share-links/:id': { response: null },
  'GET /api/dashboard': { response: dashboardSchema },
  'GET /api/plans': { response: plansResponseSchema },
  'PUT /api/admin-panel/plans/:key': { body: planUpdateSchema, response: planSchema },
  'GET /api/admin-panel/catalog': { response: adminCatalogSchema },
  'PUT /api/admin-panel/products/:key': { body: productUpdateSchema, response: productSchema },
  'POST /api/admin-panel/catalog/stripe-sync': { response: stripeSyncResultSchema },
  'PUT /api/admin-panel/tenants/:id/plan': { body: assignPlanSchema, response: assignedPlanSchema },
  'GET /api/billing': { response: billingOverviewSchema },
  'POST /api/billing/checkout': { body: checkoutSchema, response: redirectUrlSchema },
  'POST /api/billing/portal': { response: redirectUrlSchema },
  'POST /api/billing/webhook': { response: webhookAckSchema },
  'GET /api/referrals': { response: referralOverviewSchema },
  'POST /api/referrals/visit': { body: referralVisitSchema, response: referralVisitResultSchema },
  'GET /api/admin-panel/referral-payouts': { query: payoutsQuerySchema, response: payoutListSchema },
  'PUT /api/admin-panel/referral-payouts/:id/paid': { response: commissionSchema },
  'GET /api/mail/log': { query: mailLogQuerySchema, response: mailLogSchema },
  'GET /api/mail/preferences': { response: mailPreferencesSchema },
  'PUT /api/mail/preferences': { body: updateMailPreferencesSchema, response: mailPreferencesSchema },
  'GET /api/mail/unsubscribe': { query: unsubscribeQuerySchema, response: unsubscribeViewSchema },
  'POST /api/mail/unsubscribe': { query: unsubscribeQuerySchema, response: unsubscribeViewSchema },
  'POST /api/mail/resend/webhook': { response: resendWebhookAckSchema },
  'GET /api/mail/domain': { response: sendingDomainViewSchema },
  'POST /api/mail/domain': { body: createSendingDomainSchema, response: sendingDomainViewSchema },
  'POST /api/mail/domain/verify': { response: sendingDomainViewSchema },
  'DELETE /api/mail/domain': { response: sendingDomainViewSchema },
  'GET /api/admin-panel/mail/templates': { response: mailTemplateListSchema },
  'GET /api/admin-panel/mail/templates/:key': { response: mailTemplateDetailSchema },
  'PUT /api/admin-panel/mail/templates/:key': { body: mailTemplateSourceSchema, response: mailTemplateDetailSchema },
  'DELETE /api/admin-panel/mail/templates/:key': { response: mailTemplateDetailSchema },
  'POST /api/admin-panel/mail/templates/:key/preview': { body: mailPreviewRequestSchema, response: mailPreviewSchema },
  'POST /api/admin-panel/mail/templates/:key/test': { body: mailTestSendSchema, response: mailTestSentSchema },
  'GET /api/admin-panel/mail/log': { query: mailLogQuerySchema, response: adminMailLogSchema },
  'GET /api/admin-panel/mail/suppressions': { response: mailSuppressionListSchema },
  'DELETE /api/admin-panel/mail/suppressions/:email': { response: null },
  'GET /api/branding': { response: brandingViewSchema },
  'PUT /api/branding': { body: updateBrandingSchema, response: brandingViewSchema },
  /** Multipart (kind, file): the web app posts FormData itself and parses the answer with this schema. */
  'POST /api/branding/assets': { response: brandingAssetResultSchema },
  'GET /api/tls/ask': { query: tlsAskQuerySchema, response: tlsAskSchema },
  'GET /api/domains': { response: domainListSchema },
  'POST /api/domains': { body: createDomainSchema, response: domainViewSchema },
  'POST /api/domains/:id/verify': { response: domainViewSchema },
  'DELETE /api/domains/:id': { response: null },
  'GET /api/clients': { response: clientListSchema },
  'POST /api/clients': { body: clientInputSchema, response: clientViewSchema },
  'GET /api/clients/:id': { response: clientViewSchema },
  'PUT /api/clients/:id': { body: clientInputSchema, response: clientViewSchema },
  'DELETE /api/clients/:id': { response: null },
  'PUT /api/clients/:id/accounts': { body: clientIdsSchema, response: clientViewSchema },
  'PUT /api/clients/:id/members': { body: clientIdsSchema, response: clientViewSchema },
  'GET /api/approvals': { query: approvalListQuerySchema, response: approvalListSchema },
  'POST /api/approvals': { body: createApprovalSchema, response: approvalViewSchema },
  'GET /api/approvals/:id': { response: approvalViewSchema },
  'POST /api/approvals/:id/decision': { body: approvalDecisionSchema, response: approvalViewSchema },
  'POST /api/approvals/:id/comments': { body: approvalCommentSchema, response: approvalViewSchema },
  'POST /api/approvals/:id/withdraw': { response: approvalViewSchema },
  'POST /api/auth/magic-link': { body: magicLinkRequestSchema, response: magicLinkSentSchema },
  'POST /api/auth/magic-link/verify': { body: tokenBodySchema, response: sessionViewSchema },
  'GET /api/audits/:id/roadmap-ticks': { response: roadmapTicksSchema },
  'POST /api/growth-plans/:id/share-links': { body: createShareLinkSchema, response: planShareLinkSchema },
  'GET /api/growth-plans/:id/share-links': { response: planShareLinkListSchema },
  'DELETE /api/plan-share-links/:id': { response: null },
  'PUT /api/audits/:id/roadmap-ticks': { body: roadmapTickSchema, response: roadmapTicksSchema },
} as const satisfies Record<string, RouteContract>;

export type ApiRoutes = typeof apiRoutes;
export type RouteKey = keyof ApiRoutes;

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}` ? Name | ParamNames<`/${Rest}`> : P extends `${string}:${infer Name}` ? Name : never;
type PathOf<K extends string> = K extends `${string} ${infer P}` ? P : never;
/** `{ id: string }` for `'GET /api/accounts/:id'`, `never` when the path has no parameter. */
export type RouteParams<K extends RouteKey> = [ParamNames<PathOf<K>>] extends [never] ? never : Record<ParamNames<PathOf<K>>, string | number>;
/** What the client sends: the body schema's input (before defaults and transforms). */
export type RouteBody<K extends RouteKey> = ApiRoutes[K] extends { body: infer B extends ZodType } ? z.input<B> : never;
export type RouteQuery<K extends RouteKey> = ApiRoutes[K] extends { query: infer Q extends ZodType } ? z.input<Q> : never;
/** What the client gets back: the response schema's output (`void` when the route answers no body). */
export type RouteResponse<K extends RouteKey> = ApiRoutes[K]['response'] extends infer R extends ZodType ? z.output<R> : void;
