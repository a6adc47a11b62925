import type { DevLoginRequest, TokenPairResponse } from '@ankang/shared';
import { apiRequest, saveTokenPair } from '../../api';

/** Signs in as a seeded demo user (H5 and development only). */
export async function devLogin(username: string): Promise<TokenPairResponse> {
  const body: DevLoginRequest = { username };
  const pair = await apiRequest<TokenPairResponse>({ method: 'POST', path: '/auth/dev-login', body, auth: 'none' });
  saveTokenPair(pair);
  return pair;
}
