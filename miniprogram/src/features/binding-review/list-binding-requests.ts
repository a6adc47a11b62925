import type { BindingListQuery, EnterpriseBinding, Page } from '@ankang/shared';
import { apiRequest } from '../../api';

/** 「我在这里工作」 requests of the enterprises in the caller's scope. */
export function listBindingRequests(query: BindingListQuery): Promise<Page<EnterpriseBinding>> {
  return apiRequest<Page<EnterpriseBinding>>({ path: '/enterprise-bindings', query: { ...query } });
}
