export { createRoleGrant } from './create-role-grant';
export { listRoleGrants } from './list-role-grants';
export { revokeRoleGrant } from './revoke-role-grant';
