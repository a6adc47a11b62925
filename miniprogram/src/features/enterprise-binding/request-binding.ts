import type { EnterpriseBindingSummary, RequestBindingRequest } from '@ankang/shared';
import { apiRequest, type KeyedSubmission, keyedSubmission } from '../../api';

/**
 * 「我在这里工作」: one submission per tap of the landing page, keeping its client key across
 * retries (in the body and as the Idempotency-Key header), so a weak signal at the gate never makes
 * a second request. The enterprise either binds at once (`approved`) or waits for an officer.
 */
export function bindingRequest(workplaceCode: string): KeyedSubmission<EnterpriseBindingSummary> {
  return keyedSubmission((clientKey) => {
    const body: RequestBindingRequest = { workplaceCode, clientKey };
    return apiRequest<EnterpriseBindingSummary>({ method: 'POST', path: '/me/enterprise-binding', body, clientKey });
  });
}
