export { fetchUnreadCount } from './fetch-unread-count';
export { listInbox } from './list-inbox';
export { markAllInboxRead } from './mark-all-read';
export { markInboxMessageRead } from './mark-read';
export { useUnreadCount } from './use-unread-count';
