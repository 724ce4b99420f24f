import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TeamModule } from '../team/team.module.js';
import { AuthController } from './auth.controller.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { MagicLinkController } from './magic-link.controller.js';
import { MagicLinkRepository } from './magic-link.repository.js';
import { MagicLinkService } from './magic-link.service.js';
import { SessionCookie } from './session-cookie.js';

@Module({
  imports: [PassportModule, JwtModule.register({}), TeamModule],
  controllers: [AuthController, MagicLinkController],
  providers: [AuthService, AuthRepository, SessionCookie, MagicLinkService, MagicLinkRepository],
  exports: [AuthService, AuthRepository],
})
export class AuthModule {}
