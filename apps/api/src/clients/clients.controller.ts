import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { clientIdsSchema, clientInputSchema, clientListSchema, clientViewSchema, uuidParamSchema } from '@instagrowth/contracts';
import type { z } from 'zod';
import { Policy } from '../core/auth/decorators.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody, ZodParam } from '../core/http/zod.js';
import { ClientsService } from './clients.service.js';

type ClientInput = z.infer<typeof clientInputSchema>;

@ApiTags('clients')
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  @Policy('update', 'Workspace')
  @ApiRoute({ summary: "The agency's clients with their accounts and members", responses: { 200: clientListSchema } })
  list() {
    return this.clients.list();
  }

  @Post()
  @Policy('update', 'Workspace')
  @ApiRoute({ summary: 'Create a client record', responses: { 201: clientViewSchema }, errors: { 409: ['client_name_taken'] } })
  create(@ZodBody(clientInputSchema) body: ClientInput) {
    return this.clients.create(body);
  }

  @Get(':id')
  @Policy('update', 'Workspace')
  @ApiRoute({ summary: 'One client', responses: { 200: clientViewSchema }, errors: { 404: ['not_found'] } })
  get(@ZodParam('id', uuidParamSchema) id: string) {
    return this.clients.get(id);
  }

  @Put(':id')
  @Policy('update', 'Workspace')
  @ApiRoute({ summary: 'Rename a client or change its contacts', responses: { 200: clientViewSchema }, errors: { 404: ['not_found'], 409: ['client_name_taken'] } })
  update(@ZodParam('id', uuidParamSchema) id: string, @ZodBody(clientInputSchema) body: ClientInput) {
    return this.clients.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Policy('update', 'Workspace')
  @ApiRoute({ summary: 'Delete a client (its users lose the access it gave them)', responses: { 204: null }, errors: { 404: ['not_found'] } })
  async remove(@ZodParam('id', uuidParamSchema) id: string): Promise<void> {
    await this.clients.remove(id);
  }

  @Put(':id/accounts')
  @Policy('update', 'Workspace')
  @ApiRoute({ summary: "Set the client's Instagram accounts (its users see exactly these)", responses: { 200: clientViewSchema }, errors: { 400: ['unknown_accounts'], 404: ['not_found'] } })
  setAccounts(@ZodParam('id', uuidParamSchema) id: string, @ZodBody(clientIdsSchema) body: z.infer<typeof clientIdsSchema>) {
    return this.clients.setAccounts(id, body.ids);
  }

  @Put(':id/members')
  @Policy('update', 'Workspace')
  @ApiRoute({ summary: "Set the client's users and assigned staff (managers)", responses: { 200: clientViewSchema }, errors: { 400: ['not_attachable'], 404: ['not_found'] } })
  setMembers(@ZodParam('id', uuidParamSchema) id: string, @ZodBody(clientIdsSchema) body: z.infer<typeof clientIdsSchema>) {
    return this.clients.setMembers(id, body.ids);
  }
}
