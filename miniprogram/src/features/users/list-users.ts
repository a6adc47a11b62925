import type { Page, UserListQuery, UserSummary } from '@ankang/shared';
import { apiRequest } from '../../api';

/** People in the caller's scope (phones masked by the server). */
export function listUsers(query: UserListQuery): Promise<Page<UserSummary>> {
  return apiRequest<Page<UserSummary>>({ path: '/users', query: { ...query } });
}
