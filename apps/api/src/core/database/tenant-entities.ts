import { AssignmentEntity, RefreshTokenEntity, UserEntity, UserTokenEntity } from '../../auth/auth.entity.js';
import { InvitationEntity } from '../../team/team.entity.js';
import { InstagramAccountEntity, SyncRunEntity } from '../../accounts/accounts.entity.js';

/** Every entity that lives in a tenant schema (`schema: '*'`). */
export const TENANT_ENTITIES = [UserEntity, RefreshTokenEntity, UserTokenEntity, AssignmentEntity, InvitationEntity, InstagramAccountEntity, SyncRunEntity];
