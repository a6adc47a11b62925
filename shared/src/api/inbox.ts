/** The in-app inbox beyond its messages (`InboxMessage`, `InboxListQuery` live with the hazards contract). */

/** `GET /inbox/unread-count`: for the badge on the tab. */
export interface InboxUnreadCount {
  count: number;
}

/** `POST /inbox/read-all`: how many messages it marked read. */
export interface InboxReadAllResponse {
  marked: number;
}
