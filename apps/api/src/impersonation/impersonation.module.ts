import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ImpersonationController } from './impersonation.controller.js';
import { ImpersonationRepository } from './impersonation.repository.js';
import { ImpersonationService } from './impersonation.service.js';

/** Super-admin impersonation of a workspace owner (see ImpersonationService). */
@Module({
  imports: [JwtModule.register({})],
  controllers: [ImpersonationController],
  providers: [ImpersonationService, ImpersonationRepository],
})
export class ImpersonationModule {}
