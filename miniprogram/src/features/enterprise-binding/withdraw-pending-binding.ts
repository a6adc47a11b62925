import { apiRequest } from '../../api';

/** 撤回申请: withdraws the worker's pending 「我在这里工作」 request. */
export async function withdrawPendingBinding(): Promise<void> {
  await apiRequest<unknown>({ method: 'DELETE', path: '/me/enterprise-binding/pending' });
}
