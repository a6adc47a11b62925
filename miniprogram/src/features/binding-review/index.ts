export { approveBinding } from './approve-binding';
export { listBindingRequests } from './list-binding-requests';
export { rejectBinding } from './reject-binding';
