import { BindingStatus, type EnterpriseBindingSummary, type MeResponse } from '@ankang/shared';

/** Where the person stands with the enterprise of the workplace they scanned. */
export type BindingState =
  | { kind: 'bound-here' }
  | { kind: 'pending-here'; binding: EnterpriseBindingSummary }
  | {
      kind: 'can-request';
      /** The enterprise they are bound to now, which a new binding replaces. */
      boundElsewhere: { id: string; name: string } | null;
      /** A request waiting at another enterprise, which a new request replaces. */
      pendingElsewhere: EnterpriseBindingSummary | null;
      /** Their last request here, refused: the reason is shown. */
      rejectedHere: EnterpriseBindingSummary | null;
    };

export function bindingStateFor(me: MeResponse, enterpriseId: string): BindingState {
  if (me.enterprise?.id === enterpriseId) {
    return { kind: 'bound-here' };
  }
  const latest = me.pendingBinding;
  if (latest?.status === BindingStatus.Pending && latest.enterprise.id === enterpriseId) {
    return { kind: 'pending-here', binding: latest };
  }
  return {
    kind: 'can-request',
    boundElsewhere: me.enterprise,
    pendingElsewhere: latest?.status === BindingStatus.Pending ? latest : null,
    rejectedHere: latest?.status === BindingStatus.Rejected && latest.enterprise.id === enterpriseId ? latest : null,
  };
}

/** The person after the server answered a request: bound at once, or with a request pending. */
export function afterBindingRequest(me: MeResponse, binding: EnterpriseBindingSummary): MeResponse {
  if (binding.status === BindingStatus.Approved) {
    return { ...me, enterprise: binding.enterprise, pendingBinding: null };
  }
  return { ...me, pendingBinding: binding };
}
