import { NoticeState, OrgKind, Permission, Role } from '@ankang/shared';
import type { Scope } from '../access/scope';

/**
 * Who may write notices where, and what publishing does — as pure functions, so the rules are tested
 * without a database.
 */

/** A node as access is decided on it. */
export interface NoticeNode {
  id: number;
  kind: OrgKind;
  path: string;
}

/**
 * Union staff write for any union or enterprise of their subtree; officers for their own enterprise
 * only (not its workplaces: receipts and audiences are counted per enterprise).
 */
export function mayAddressNotice(scope: Scope, node: NoticeNode): boolean {
  return scope.grantsFor(Permission.NoticeManage).some((grant) => {
    if (grant.role === Role.UnionStaff) {
      return (node.kind === OrgKind.Union || node.kind === OrgKind.Enterprise) && node.path.startsWith(grant.path);
    }
    if (grant.role === Role.Officer) return node.kind === OrgKind.Enterprise && node.id === grant.orgUnitId;
    return false;
  });
}

/** What a tap on 发布 does to a notice in `state` with `publishAt`, at `now`. */
export type PublishDecision =
  /** Nothing to change: already published, or scheduled for a time still to come. */
  { kind: 'unchanged' } | { kind: 'schedule' } | { kind: 'publish' } | { kind: 'refuse' };

export function publishDecision(state: NoticeState, publishAt: Date | null, now: Date): PublishDecision {
  const inFuture = publishAt !== null && publishAt.getTime() > now.getTime();
  switch (state) {
    case NoticeState.Draft:
      return inFuture ? { kind: 'schedule' } : { kind: 'publish' };
    case NoticeState.Scheduled:
      return inFuture ? { kind: 'unchanged' } : { kind: 'publish' };
    case NoticeState.Published:
      return { kind: 'unchanged' };
    case NoticeState.Withdrawn:
      return { kind: 'refuse' };
  }
}

/** Editing keeps a scheduled notice scheduled, unless its publish time is taken away: then it is a draft again. */
export function stateAfterEdit(state: NoticeState, publishAt: Date | null): NoticeState {
  return state === NoticeState.Scheduled && publishAt === null ? NoticeState.Draft : state;
}

export function isEditable(state: NoticeState): boolean {
  return state === NoticeState.Draft || state === NoticeState.Scheduled;
}
