import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TeamModule } from '../team/team.module.js';
import { AuthController } from './auth.controller.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { SessionCookie } from './session-cookie.js';

@Module({
  imports: [PassportModule, JwtModule.register({}), TeamModule],
  controllers: [AuthController],
  providers: [AuthService, AuthRepository, SessionCookie],
  exports: [AuthService, AuthRepository],
})
export class AuthModule {}
