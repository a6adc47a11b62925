import type { DemoUserSummary } from '@ankang/shared';
import { apiRequest } from '../../api';

/** The seeded demo accounts the H5 login offers (the server answers AUTH_DEV_LOGIN_DISABLED in production). */
export function fetchDevUsers(): Promise<DemoUserSummary[]> {
  return apiRequest<DemoUserSummary[]>({ path: '/auth/dev-users', auth: 'none' });
}
