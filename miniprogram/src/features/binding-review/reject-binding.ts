import type { EnterpriseBinding, RejectBindingRequest } from '@ankang/shared';
import { apiRequest } from '../../api';

/** Rejects a pending request; the worker sees the reason in 我的. */
export function rejectBinding(id: string, reason: string): Promise<EnterpriseBinding> {
  const body: RejectBindingRequest = { reason };
  return apiRequest<EnterpriseBinding>({
    method: 'POST',
    path: `/enterprise-bindings/${encodeURIComponent(id)}/reject`,
    body,
  });
}
