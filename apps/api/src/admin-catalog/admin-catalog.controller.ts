import { Controller, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { adminCatalogSchema, productKeySchema, productSchema, productUpdateSchema, stripeSyncResultSchema } from '@instagrowth/contracts';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AdminOnly, CurrentPrincipal, Realm } from '../core/auth/decorators.js';
import type { AdminPrincipal } from '../core/auth/principal.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody, ZodParam } from '../core/http/zod.js';
import { AdminCatalogService } from './admin-catalog.service.js';

@ApiTags('admin-panel')
@Controller('admin-panel')
@Realm('admin')
export class AdminCatalogController {
  constructor(private readonly catalog: AdminCatalogService) {}

  @Get('catalog')
  @AdminOnly()
  @ApiRoute({ summary: 'Every plan and product (hidden ones too), the referral terms and whether Stripe is configured', responses: { 200: adminCatalogSchema } })
  view() {
    return this.catalog.view();
  }

  @Put('products/:key')
  @AdminOnly()
  @ApiRoute({ summary: 'Edit a credit pack or add-on (price in cents; audited)', responses: { 200: productSchema }, errors: { 404: ['not_found'] } })
  updateProduct(@CurrentPrincipal() admin: AdminPrincipal, @ZodParam('key', productKeySchema) key: string, @ZodBody(productUpdateSchema) body: z.infer<typeof productUpdateSchema>, @Req() req: FastifyRequest) {
    return this.catalog.updateProduct(admin, key, body, req.ip);
  }

  @Post('catalog/stripe-sync')
  @HttpCode(200)
  @AdminOnly()
  @ApiRoute({ summary: 'Create the Stripe prices of every active plan and product now (idempotent)', responses: { 200: stripeSyncResultSchema }, errors: { 503: ['billing_not_configured'], 502: ['stripe_error'] } })
  syncStripe(@CurrentPrincipal() admin: AdminPrincipal, @Req() req: FastifyRequest) {
    return this.catalog.syncStripe(admin, req.ip);
  }
}
