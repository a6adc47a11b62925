import { apiRequest } from '../../api';

/** Revokes a role grant. */
export async function revokeRoleGrant(id: string): Promise<void> {
  await apiRequest<unknown>({ method: 'DELETE', path: `/role-grants/${encodeURIComponent(id)}` });
}
