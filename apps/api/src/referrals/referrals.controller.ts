import { Controller, Get, HttpCode, Inject, Post, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { commissionSchema, payoutListSchema, payoutsQuerySchema, referralOverviewSchema, referralVisitResultSchema, referralVisitSchema, uuidParamSchema } from '@instagrowth/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AdminOnly, CurrentPrincipal, Policy, Public, Realm } from '../core/auth/decorators.js';
import type { AdminPrincipal } from '../core/auth/principal.js';
import { APP_CONFIG, type AppConfig } from '../core/config/config.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody, ZodParam, ZodQuery } from '../core/http/zod.js';
import { REFERRAL_COOKIE, REFERRAL_COOKIE_DAYS, ReferralsService } from './referrals.service.js';

@ApiTags('referrals')
@Controller('referrals')
export class ReferralsController {
  constructor(
    private readonly referrals: ReferralsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Policy('manage', 'Billing')
  @ApiRoute({ summary: 'The workspace’s referral link, clicks, sign-ups, conversions and earnings (owner)', responses: { 200: referralOverviewSchema } })
  overview() {
    return this.referrals.overview();
  }

  @Post('visit')
  @HttpCode(200)
  @Public()
  @Realm('root')
  @ApiRoute({ summary: 'A visit through a referral link: counts the click and sets the first-party attribution cookie (root host)', responses: { 200: referralVisitResultSchema } })
  async visit(@ZodBody(referralVisitSchema) body: z.infer<typeof referralVisitSchema>, @Res({ passthrough: true }) reply: FastifyReply) {
    const counted = await this.referrals.visit(body.code);
    if (counted) {
      reply.setCookie(REFERRAL_COOKIE, body.code, {
        httpOnly: true, sameSite: 'lax', path: '/api/auth', secure: this.config.appUrl.protocol === 'https:',
        maxAge: REFERRAL_COOKIE_DAYS * 86_400,
      });
    }
    return { counted };
  }
}

@ApiTags('admin-panel')
@Controller('admin-panel/referral-payouts')
@Realm('admin')
export class ReferralPayoutsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Get()
  @AdminOnly()
  @ApiRoute({ summary: 'Referral commissions of every workspace (filter by status) for payouts', responses: { 200: payoutListSchema } })
  list(@ZodQuery(payoutsQuerySchema) query: z.infer<typeof payoutsQuerySchema>) {
    return this.referrals.payouts(query.status);
  }

  @Put(':id/paid')
  @AdminOnly()
  @ApiRoute({ summary: 'Mark a payable commission as paid out (audited)', responses: { 200: commissionSchema }, errors: { 404: ['not_found'], 409: ['commission_not_payable'] } })
  markPaid(@CurrentPrincipal() admin: AdminPrincipal, @ZodParam('id', uuidParamSchema) id: string, @Req() req: FastifyRequest) {
    return this.referrals.markPaid(admin, id, req.ip);
  }
}
