import type { EnterpriseBinding } from '@ankang/shared';
import { apiRequest } from '../../api';

/** Approves a pending request: the worker becomes the enterprise's. */
export function approveBinding(id: string): Promise<EnterpriseBinding> {
  return apiRequest<EnterpriseBinding>({
    method: 'POST',
    path: `/enterprise-bindings/${encodeURIComponent(id)}/approve`,
  });
}
