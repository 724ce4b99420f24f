import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { uuidParamSchema } from '@instagrowth/contracts';
import type { z } from 'zod';
import { CurrentPrincipal, Policy } from '../core/auth/decorators.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody, ZodParam, ZodQuery } from '../core/http/zod.js';
import { approvalCommentSchema, approvalDecisionSchema, approvalListQuerySchema, approvalListSchema, approvalViewSchema, createApprovalSchema } from './approvals.dto.js';
import { ApprovalsService } from './approvals.service.js';

@ApiTags('approvals')
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get()
  @Policy('read', 'Approval')
  @ApiRoute({ summary: 'Approval requests you can see (clients: their accounts), pending first, each with its history', responses: { 200: approvalListSchema } })
  list(@CurrentPrincipal() actor: MemberPrincipal, @ZodQuery(approvalListQuerySchema) query: z.infer<typeof approvalListQuerySchema>) {
    return this.approvals.list(actor, query);
  }

  @Post()
  @Policy('create', 'Approval')
  @ApiRoute({
    summary: 'Send a content item or growth plan to the client users of its account for approval (mails them)',
    responses: { 201: approvalViewSchema },
    errors: { 403: ['forbidden'], 404: ['not_found'], 409: ['approval_pending', 'already_approved', 'no_client_users'] },
  })
  create(@CurrentPrincipal() actor: MemberPrincipal, @ZodBody(createApprovalSchema) body: z.infer<typeof createApprovalSchema>) {
    return this.approvals.request(actor, body);
  }

  @Get(':id')
  @Policy('read', 'Approval')
  @ApiRoute({ summary: 'One approval request with what was sent and its full history', responses: { 200: approvalViewSchema }, errors: { 404: ['not_found'] } })
  get(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string) {
    return this.approvals.get(actor, id);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Policy('update', 'Approval')
  @ApiRoute({ summary: 'The client approves, or requests changes with a comment', responses: { 200: approvalViewSchema }, errors: { 403: ['forbidden'], 404: ['not_found'], 409: ['approval_closed'] } })
  decide(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodBody(approvalDecisionSchema) body: z.infer<typeof approvalDecisionSchema>) {
    return this.approvals.decide(actor, id, body.decision, body.comment);
  }

  @Post(':id/comments')
  @HttpCode(200)
  @Policy('update', 'Approval')
  @ApiRoute({ summary: 'Reply on a request (team or client); the other side is mailed', responses: { 200: approvalViewSchema }, errors: { 403: ['forbidden'], 404: ['not_found'] } })
  comment(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodBody(approvalCommentSchema) body: z.infer<typeof approvalCommentSchema>) {
    return this.approvals.comment(actor, id, body.comment);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Policy('create', 'Approval')
  @ApiRoute({ summary: 'Withdraw a pending request (team only)', responses: { 200: approvalViewSchema }, errors: { 403: ['forbidden'], 404: ['not_found'], 409: ['approval_closed'] } })
  withdraw(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string) {
    return this.approvals.withdraw(actor, id);
  }
}
