import { Global, Module } from '@nestjs/common';
import { ActivityBus } from './activity.bus.js';

/** Any module may announce activity; the admin socket (admin-activity) listens. */
@Global()
@Module({ providers: [ActivityBus], exports: [ActivityBus] })
export class ActivityModule {}
