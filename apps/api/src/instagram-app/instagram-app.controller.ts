import { Controller, Delete, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { instagramAppInputSchema, instagramAppViewSchema, type InstagramAppInput } from '@instagrowth/contracts';
import { Policy } from '../core/auth/decorators.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody } from '../core/http/zod.js';
import { InstagramAppService } from './instagram-app.service.js';

@ApiTags('instagram')
@Controller('instagram-app')
export class InstagramAppController {
  constructor(private readonly service: InstagramAppService) {}

  @Get()
  @Policy('read', 'InstagramApp')
  @ApiRoute({ summary: "The workspace's own Instagram app: configured or not, the last 4 of its secret, and what to register at Meta", responses: { 200: instagramAppViewSchema } })
  get() {
    return this.service.get();
  }

  @Put()
  @Policy('update', 'InstagramApp')
  @ApiRoute({ summary: 'Use your own Instagram app (owner; plan feature): its id and secret, the secret stored encrypted and never shown again', responses: { 200: instagramAppViewSchema }, errors: { 403: ['plan_feature_unavailable'] } })
  save(@ZodBody(instagramAppInputSchema) body: InstagramAppInput) {
    return this.service.save(body);
  }

  @Delete()
  @Policy('update', 'InstagramApp')
  @ApiRoute({ summary: "Stop using the workspace's own Instagram app (new connections use the platform's)", responses: { 200: instagramAppViewSchema } })
  remove() {
    return this.service.remove();
  }
}
