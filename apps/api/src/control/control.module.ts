import { Global, Module } from '@nestjs/common';
import { PlatformAuditRepository } from './platform-audit.repository.js';
import { TenantProvisioner } from './tenant-provisioner.service.js';
import { TenantsRepository } from './tenants.repository.js';

@Global()
@Module({
  providers: [TenantsRepository, TenantProvisioner, PlatformAuditRepository],
  exports: [TenantsRepository, TenantProvisioner, PlatformAuditRepository],
})
export class ControlModule {}
