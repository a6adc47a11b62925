export { afterBindingRequest, type BindingState, bindingStateFor } from './binding-state';
export { bindingRequest } from './request-binding';
export { withdrawPendingBinding } from './withdraw-pending-binding';
