import { Controller, Get, Headers, HttpCode, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { billingOverviewSchema, checkoutSchema, redirectUrlSchema, webhookAckSchema } from '@instagrowth/contracts';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { Policy, Public, Realm } from '../core/auth/decorators.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody } from '../core/http/zod.js';
import { BillingService } from './billing.service.js';
import { StripeEventsService } from './stripe-events.service.js';

@ApiTags('billing')
@Controller('billing')
export class BillingController {
  constructor(
    private readonly billing: BillingService,
    private readonly events: StripeEventsService,
  ) {}

  @Get()
  @Policy('read', 'Billing')
  @ApiRoute({ summary: 'The workspace’s plan, subscription status, trial end, usage against each limit and invoices', responses: { 200: billingOverviewSchema } })
  overview() {
    return this.billing.overview();
  }

  @Post('checkout')
  @HttpCode(200)
  @Policy('manage', 'Billing')
  @ApiRoute({
    summary: 'Start a Stripe Checkout for a plan ({ plan, interval }) or a product ({ product }); add-ons go on the existing subscription',
    responses: { 200: redirectUrlSchema },
    errors: { 404: ['not_found'], 409: ['subscription_required', 'addon_not_available'], 502: ['stripe_error'], 503: ['billing_not_configured'] },
  })
  checkout(@ZodBody(checkoutSchema) body: z.infer<typeof checkoutSchema>) {
    return this.billing.checkout(body);
  }

  @Post('portal')
  @HttpCode(200)
  @Policy('manage', 'Billing')
  @ApiRoute({ summary: 'A Stripe Customer Portal session (cards, invoices, cancel)', responses: { 200: redirectUrlSchema }, errors: { 409: ['no_billing_account'], 502: ['stripe_error'], 503: ['billing_not_configured'] } })
  portal() {
    return this.billing.portal();
  }

  @Post('webhook')
  @HttpCode(200)
  @Public()
  @Realm('root')
  @ApiRoute({
    summary: 'Stripe webhook events: Stripe-Signature checked on the raw body (300 s tolerance), each event id stored once and applied by a job',
    responses: { 200: webhookAckSchema },
    errors: { 400: ['invalid_signature', 'invalid_body'], 503: ['billing_not_configured'] },
  })
  webhook(@Req() req: RawBodyRequest<FastifyRequest>, @Headers('stripe-signature') signature: string | undefined) {
    return this.events.receive(req.rawBody, signature);
  }
}
