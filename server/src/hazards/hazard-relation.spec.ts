import {
  HazardAction,
  HazardActor,
  HazardErrorCode,
  HazardGrade,
  HazardState,
  OrgKind,
  ReporterVisibility,
  Role,
} from '@ankang/shared';
import { Scope } from '../access/scope';
import { availableActions, isOverdue, relationTo, type TicketRuleFields, ticketRuleViolation } from './hazard-relation';

const ENTERPRISE_PATH = '/1/7/9/42/';
const officerOf42 = { role: Role.Officer, orgUnitId: 42, kind: OrgKind.Enterprise, path: ENTERPRISE_PATH };
const officerOf43 = { role: Role.Officer, orgUnitId: 43, kind: OrgKind.Enterprise, path: '/1/7/9/43/' };
const staffOfCity = { role: Role.UnionStaff, orgUnitId: 7, kind: OrgKind.Union, path: '/1/7/' };
const staffOfOtherCity = { role: Role.UnionStaff, orgUnitId: 8, kind: OrgKind.Union, path: '/1/8/' };
const adminOfProvince = { role: Role.Admin, orgUnitId: 1, kind: OrgKind.Union, path: '/1/' };
const workerOf42 = { role: Role.Worker, orgUnitId: 42, kind: OrgKind.Enterprise, path: ENTERPRISE_PATH };

const ticket = (
  visibility: ReporterVisibility,
  reporterUserId: number | null = 5,
  responsibleUserId: number | null = 6,
) => ({
  reporterUserId: visibility === ReporterVisibility.Anonymous ? null : reporterUserId,
  responsibleUserId,
  reporterVisibility: visibility,
});

describe('relationTo', () => {
  it('relates officers and union staff at or above the enterprise, the assignee and the reporter', () => {
    const named = ticket(ReporterVisibility.Named);
    expect(relationTo(named, ENTERPRISE_PATH, new Scope(20, [officerOf42]))?.actors).toEqual([HazardActor.Officer]);
    expect(relationTo(named, ENTERPRISE_PATH, new Scope(21, [staffOfCity]))?.actors).toEqual([HazardActor.UnionStaff]);
    expect(relationTo(named, ENTERPRISE_PATH, new Scope(6, [workerOf42]))?.actors).toEqual([HazardActor.Assignee]);
    expect(relationTo(named, ENTERPRISE_PATH, new Scope(5, [workerOf42]))).toEqual({
      actors: [],
      isReporter: true,
      seesReporter: true,
    });
    expect(relationTo(named, ENTERPRISE_PATH, new Scope(6, [officerOf42]))?.actors.sort()).toEqual(
      [HazardActor.Officer, HazardActor.Assignee].sort(),
    );
  });

  it('relates nobody else: other enterprises, other cities, the operator, colleagues', () => {
    const named = ticket(ReporterVisibility.Named);
    for (const grants of [[officerOf43], [staffOfOtherCity], [adminOfProvince], [workerOf42], []]) {
      expect(relationTo(named, ENTERPRISE_PATH, new Scope(30, grants))).toBeNull();
    }
    // /1/7/9/420/ is not under /1/7/9/42/.
    expect(relationTo(named, '/1/7/9/420/', new Scope(20, [officerOf42]))).toBeNull();
  });

  it('names a hidden reporter to themself and union staff only, an anonymous one to nobody', () => {
    const hidden = ticket(ReporterVisibility.HiddenFromEnterprise);
    expect(relationTo(hidden, ENTERPRISE_PATH, new Scope(20, [officerOf42]))?.seesReporter).toBe(false);
    expect(relationTo(hidden, ENTERPRISE_PATH, new Scope(6, [workerOf42]))?.seesReporter).toBe(false);
    expect(relationTo(hidden, ENTERPRISE_PATH, new Scope(20, [officerOf42, staffOfCity]))?.seesReporter).toBe(true);
    expect(relationTo(hidden, ENTERPRISE_PATH, new Scope(5, [officerOf42]))?.seesReporter).toBe(true);
    const anonymous = ticket(ReporterVisibility.Anonymous);
    expect(relationTo(anonymous, ENTERPRISE_PATH, new Scope(21, [staffOfCity]))?.seesReporter).toBe(false);
    // The anonymous reporter is not stored, so nothing relates them to it.
    expect(relationTo(anonymous, ENTERPRISE_PATH, new Scope(5, [workerOf42]))).toBeNull();
  });
});

describe('the ticket’s own rules', () => {
  const now = new Date('2026-11-30T04:00:00Z');
  const base: TicketRuleFields = {
    state: HazardState.PendingVerification,
    grade: HazardGrade.General,
    rectifiedBy: 6,
    closedAt: null,
    extensionDueAt: null,
    authorityReportedOn: null,
  };

  it('keeps the rectifier from verifying', () => {
    expect(ticketRuleViolation(HazardAction.Pass, base, 6, now)).toBe(HazardErrorCode.VerifierIsRectifier);
    expect(ticketRuleViolation(HazardAction.Fail, base, 6, now)).toBe(HazardErrorCode.VerifierIsRectifier);
    expect(ticketRuleViolation(HazardAction.Pass, base, 20, now)).toBeNull();
  });

  it('reopens within 30 days of closing', () => {
    const closed = { ...base, state: HazardState.Closed };
    const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
    expect(ticketRuleViolation(HazardAction.Reopen, { ...closed, closedAt: daysAgo(30) }, 21, now)).toBeNull();
    expect(ticketRuleViolation(HazardAction.Reopen, { ...closed, closedAt: daysAgo(30.001) }, 21, now)).toBe(
      HazardErrorCode.ReopenWindowPassed,
    );
  });

  it('reports only 重大 tickets to the authority, once', () => {
    expect(ticketRuleViolation(HazardAction.ReportToAuthority, base, 21, now)).toBe(HazardErrorCode.NotMajor);
    const major = { ...base, grade: HazardGrade.Major };
    expect(ticketRuleViolation(HazardAction.ReportToAuthority, major, 21, now)).toBeNull();
    expect(
      ticketRuleViolation(HazardAction.ReportToAuthority, { ...major, authorityReportedOn: '2026-11-29' }, 21, now),
    ).toBe(HazardErrorCode.TransitionNotAllowed);
  });

  it('keeps one extension request at a time, and decides only a pending one', () => {
    const pending = { ...base, state: HazardState.Rectifying, extensionDueAt: now };
    expect(ticketRuleViolation(HazardAction.RequestExtension, pending, 6, now)).toBe(HazardErrorCode.ExtensionPending);
    expect(ticketRuleViolation(HazardAction.ApproveExtension, pending, 20, now)).toBeNull();
    const none = { ...pending, extensionDueAt: null };
    expect(ticketRuleViolation(HazardAction.RequestExtension, none, 6, now)).toBeNull();
    expect(ticketRuleViolation(HazardAction.DenyExtension, none, 20, now)).toBe(HazardErrorCode.NoExtensionPending);
  });

  it('offers the table’s actions less what the rules forbid', () => {
    const relation = { actors: [HazardActor.Officer], isReporter: false, seesReporter: true };
    expect(availableActions(base, relation, 20, now)).toEqual([HazardAction.Pass, HazardAction.Fail]);
    expect(availableActions(base, relation, 6, now)).toEqual([]);
    const rectifying = { ...base, state: HazardState.Rectifying };
    expect(availableActions(rectifying, relation, 20, now)).toEqual([HazardAction.Reassign]);
  });
});

describe('isOverdue', () => {
  const now = new Date('2026-11-30T04:00:00Z');
  const yesterday = new Date('2026-11-29T15:59:59.999Z');
  it('is past the deadline while assigned or rectifying', () => {
    expect(isOverdue({ state: HazardState.Assigned, dueAt: yesterday }, now)).toBe(true);
    expect(isOverdue({ state: HazardState.Rectifying, dueAt: yesterday }, now)).toBe(true);
    expect(isOverdue({ state: HazardState.PendingVerification, dueAt: yesterday }, now)).toBe(false);
    expect(isOverdue({ state: HazardState.Assigned, dueAt: new Date('2026-11-30T15:59:59.999Z') }, now)).toBe(false);
    expect(isOverdue({ state: HazardState.Submitted, dueAt: null }, now)).toBe(false);
  });
});
