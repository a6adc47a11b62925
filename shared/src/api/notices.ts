import type { Industry, NoticeFanOutState, NoticeKind, NoticeState, Role, WorkerGroup } from '../enums';
import type { PageQuery } from './common';
import type { OrgUnitReference } from './org';

export const NOTICE_TITLE_MAX_LENGTH = 60;
export const NOTICE_BODY_MAX_LENGTH = 20_000;

/** Who a notice is for: the people of a subtree, narrowed by the optional filters (empty: no narrowing). */
export interface NoticeAudience {
  /** A union or enterprise within the author's scope. */
  scopeOrgUnitId: string;
  /** The enterprises' industries. */
  industries: Industry[];
  /** Workers in any of these groups (staff have none: a group filter reaches workers only). */
  workerGroups: WorkerGroup[];
  /**
   * `worker`: people bound to an enterprise of the subtree; `officer` / `union_staff`: people
   * holding that role at a node of it. Empty: all of them.
   */
  roles: Role[];
}

export interface ComposeNoticeRequest extends NoticeAudience {
  title: string;
  /** Rich text (HTML); sanitised by the server to a small set of tags. */
  bodyHtml: string;
  kind: NoticeKind;
  /** 已阅知 asked of every recipient. */
  acknowledgementRequired: boolean;
  /** ISO 8601; absent or null: publish as soon as it is published. */
  publishAt?: string | null;
}

/** `POST /notices`: a draft; the same client key returns the same draft (a retried tap makes one). */
export interface CreateNoticeRequest extends ComposeNoticeRequest {
  clientKey: string;
}

export type UpdateNoticeRequest = ComposeNoticeRequest;

/** `POST /notices/audience-count`: how many people an audience reaches now, before publishing. */
export interface NoticeAudienceCount {
  recipients: number;
}

/** Counts of one notice, for a node or the whole audience. */
export interface NoticeReceiptCounts {
  recipients: number;
  /** In the inbox (every recipient once fan-out reached them). */
  delivered: number;
  read: number;
  acknowledged: number;
  /** WeChat subscribe messages: sent, refused (no grant left, user refused), failed (gave up). */
  wechatSent: number;
  wechatRefused: number;
  wechatFailed: number;
}

export interface NoticeSummary {
  id: string;
  title: string;
  kind: NoticeKind;
  state: NoticeState;
  scope: OrgUnitReference;
  acknowledgementRequired: boolean;
  author: { id: string; displayName: string };
  publishAt: string | null;
  publishedAt: string | null;
  withdrawnAt: string | null;
  fanOut: { state: NoticeFanOutState; recipients: number };
  updatedAt: string;
}

export interface NoticeDetail extends NoticeSummary, NoticeAudience {
  bodyHtml: string;
}

export interface NoticeListQuery extends PageQuery {
  state?: NoticeState;
}

/** A notice as its recipient reads it. */
export interface MyNotice {
  id: string;
  title: string;
  kind: NoticeKind;
  bodyHtml: string;
  /** Who sent it: the union or enterprise of its scope. */
  from: string;
  publishedAt: string;
  acknowledgementRequired: boolean;
  readAt: string | null;
  acknowledgedAt: string | null;
}

export interface MyNoticeListQuery extends PageQuery {
  /** Only those still to acknowledge. */
  unacknowledgedOnly?: boolean;
}

/** `GET /me/notices/counts`: the badge of the home page's 安全通知 entry. */
export interface MyNoticeCounts {
  unread: number;
  /** Read or not, still waiting for 已阅知. */
  unacknowledged: number;
}

/** Receipts of a notice at one node of its scope, and at each of the node's children. */
export interface NoticeReceipts {
  notice: NoticeSummary;
  node: OrgUnitReference;
  totals: NoticeReceiptCounts;
  children: { node: OrgUnitReference; counts: NoticeReceiptCounts }[];
}

export interface NoticeReceiptsQuery {
  /** A node within the notice's scope and the caller's; the notice's scope when absent. */
  orgUnitId?: string;
}

/** 催办: remind those of a node who have not acknowledged, at most once a China day per notice and node. */
export interface RemindNoticeRequest {
  orgUnitId?: string;
}

export interface RemindNoticeResponse {
  reminded: number;
  /** The China date from which the next reminder may be sent. */
  nextAllowedOn: string;
}
