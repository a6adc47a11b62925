import { apiRequest } from '../../api';

/** 全部已读. */
export async function markAllInboxRead(): Promise<void> {
  await apiRequest<unknown>({ method: 'POST', path: '/inbox/read-all' });
}
