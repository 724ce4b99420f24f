export { invitationsQueryKey, membersQueryKey } from './team/queries';
