import { Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createDomainSchema, domainListSchema, domainViewSchema, tlsAskQuerySchema, tlsAskSchema, uuidParamSchema } from '@instagrowth/contracts';
import type { z } from 'zod';
import { Policy, Public, Realm } from '../core/auth/decorators.js';
import { notFound } from '../core/errors/domain-error.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody, ZodParam, ZodQuery } from '../core/http/zod.js';
import { DomainsService } from './domains.service.js';

@ApiTags('domains')
@Controller('domains')
export class DomainsController {
  constructor(private readonly domains: DomainsService) {}

  @Get()
  @Policy('update', 'Workspace')
  @ApiRoute({ summary: "The workspace's custom domains with their DNS records and status", responses: { 200: domainListSchema } })
  list() {
    return this.domains.list();
  }

  @Post()
  @Policy('update', 'Workspace')
  @ApiRoute({ summary: 'Add a custom domain; answers the CNAME and TXT records to create', responses: { 201: domainViewSchema }, errors: { 400: ['reserved_domain'], 402: ['custom_domain_limit_reached'], 403: ['plan_feature_unavailable'], 409: ['domain_taken'] } })
  add(@ZodBody(createDomainSchema) body: z.infer<typeof createDomainSchema>) {
    return this.domains.add(body.hostname);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @Policy('update', 'Workspace')
  @ApiRoute({ summary: 'Check the DNS records now; verified domains route to this workspace', responses: { 200: domainViewSchema }, errors: { 404: ['not_found'] } })
  verify(@ZodParam('id', uuidParamSchema) id: string) {
    return this.domains.verify(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Policy('update', 'Workspace')
  @ApiRoute({ summary: 'Remove a custom domain (stops routing it at once)', responses: { 204: null }, errors: { 404: ['not_found'] } })
  async remove(@ZodParam('id', uuidParamSchema) id: string): Promise<void> {
    await this.domains.remove(id);
  }
}

@ApiTags('domains')
@Controller('tls')
@Realm('any')
export class TlsAskController {
  constructor(private readonly domains: DomainsService) {}

  /** Caddy asks before issuing a certificate on demand; anything else would let strangers make us issue certificates. */
  @Get('ask')
  @Public()
  @ApiRoute({ summary: "On-demand TLS 'ask' (any host): 200 for a verified domain of an active workspace, else 404", responses: { 200: tlsAskSchema }, errors: { 404: ['not_found'] } })
  async ask(@ZodQuery(tlsAskQuerySchema) query: z.infer<typeof tlsAskQuerySchema>) {
    if (!(await this.domains.mayIssue(query.domain))) throw notFound('Domain');
    return { ok: true as const };
  }
}
