import {
  CommonErrorCode,
  HAZARD_TRANSITIONS,
  HazardAction,
  HazardActor,
  HazardErrorCode,
  HazardState,
  nextHazardState,
} from '@ankang/shared';
import type { User } from '../src/users/user.entity';
import {
  type ActionPath,
  chinaDay,
  createHazardCast,
  type HazardCast,
  HazardsClient,
  type HazardsTestApp,
  useHazardsApp,
} from './hazards-support';
import { testBackends } from './support/backends';

/**
 * The acceptance's table: every state × every action × every kind of person. Tickets are built in
 * each state through the API; then each person tries each action. Expected, in the order the server
 * checks: 404 for whoever cannot see the ticket, 403 for whoever may see it but not take the action,
 * 409 when the state does not allow it, and success exactly where the table below says so.
 */

type Who =
  | 'reporter'
  | 'assignee'
  | 'officer'
  | 'unionStaff'
  | 'otherEnterpriseOfficer'
  | 'otherCityUnionStaff'
  | 'unrelatedWorker';

const EVERYONE: Who[] = [
  'reporter',
  'assignee',
  'officer',
  'unionStaff',
  'otherEnterpriseOfficer',
  'otherCityUnionStaff',
  'unrelatedWorker',
];

const {
  Submitted: SUBMITTED,
  Assigned: ASSIGNED,
  Rectifying: RECTIFYING,
  PendingVerification: PENDING,
  Closed: CLOSED,
  Rejected: REJECTED,
  Duplicate: DUPLICATE,
} = HazardState;
const MANAGERS: Who[] = ['officer', 'unionStaff'];

/** Who may take each action, from which states, to which state (null: stays) — DESIGN.md written out. */
const LIFECYCLE: Record<HazardAction, { from: HazardState[]; to: HazardState | null; by: Who[] }> = {
  [HazardAction.Triage]: { from: [SUBMITTED], to: ASSIGNED, by: MANAGERS },
  [HazardAction.Reject]: { from: [SUBMITTED], to: REJECTED, by: MANAGERS },
  [HazardAction.Merge]: { from: [SUBMITTED], to: DUPLICATE, by: MANAGERS },
  [HazardAction.FixOnTheSpot]: { from: [SUBMITTED], to: PENDING, by: MANAGERS },
  [HazardAction.Start]: { from: [ASSIGNED], to: RECTIFYING, by: ['assignee'] },
  [HazardAction.Reassign]: { from: [ASSIGNED, RECTIFYING], to: ASSIGNED, by: MANAGERS },
  [HazardAction.RequestExtension]: { from: [ASSIGNED, RECTIFYING], to: null, by: ['assignee'] },
  [HazardAction.ApproveExtension]: { from: [ASSIGNED, RECTIFYING], to: null, by: MANAGERS },
  [HazardAction.DenyExtension]: { from: [ASSIGNED, RECTIFYING], to: null, by: MANAGERS },
  [HazardAction.SubmitFix]: { from: [RECTIFYING], to: PENDING, by: ['assignee'] },
  [HazardAction.Pass]: { from: [PENDING], to: CLOSED, by: MANAGERS },
  [HazardAction.Fail]: { from: [PENDING], to: RECTIFYING, by: MANAGERS },
  [HazardAction.Reopen]: { from: [CLOSED], to: RECTIFYING, by: ['unionStaff'] },
  [HazardAction.ReportToAuthority]: { from: [ASSIGNED, RECTIFYING, PENDING, CLOSED], to: null, by: ['unionStaff'] },
};

/** The states in which the ticket has a responsible person (the assignee sees it only then). */
const HAS_ASSIGNEE: HazardState[] = [ASSIGNED, RECTIFYING, PENDING, CLOSED];

function expectedOutcome(state: HazardState, action: HazardAction, who: Who): string {
  const related =
    ['reporter', 'officer', 'unionStaff'].includes(who) || (who === 'assignee' && HAS_ASSIGNEE.includes(state));
  if (!related) return `404 ${CommonErrorCode.NotFound}`;
  const rule = LIFECYCLE[action];
  if (!rule.by.includes(who)) return `403 ${HazardErrorCode.ActionForbidden}`;
  if (!rule.from.includes(state)) return `409 ${HazardErrorCode.TransitionNotAllowed}`;
  return `200 ${rule.to ?? state}`;
}

const ACTION_PATHS: Record<HazardAction, ActionPath> = {
  [HazardAction.Triage]: 'triage',
  [HazardAction.Reject]: 'reject',
  [HazardAction.Merge]: 'merge',
  [HazardAction.FixOnTheSpot]: 'fix-on-the-spot',
  [HazardAction.Start]: 'start',
  [HazardAction.Reassign]: 'reassign',
  [HazardAction.RequestExtension]: 'extension-request',
  [HazardAction.ApproveExtension]: 'extension-approve',
  [HazardAction.DenyExtension]: 'extension-deny',
  [HazardAction.SubmitFix]: 'submit-fix',
  [HazardAction.Pass]: 'pass',
  [HazardAction.Fail]: 'fail',
  [HazardAction.Reopen]: 'reopen',
  [HazardAction.ReportToAuthority]: 'authority-report',
};

describe('the lifecycle table of this test', () => {
  it('is the shared transition table, person by person', () => {
    const actorsOf: Partial<Record<Who, HazardActor>> = {
      officer: HazardActor.Officer,
      unionStaff: HazardActor.UnionStaff,
      assignee: HazardActor.Assignee,
    };
    for (const action of Object.values(HazardAction)) {
      const shared = HAZARD_TRANSITIONS[action];
      expect([...LIFECYCLE[action].from].sort()).toEqual([...shared.from].sort());
      expect(LIFECYCLE[action].to).toBe(shared.to);
      expect(LIFECYCLE[action].by.map((who) => actorsOf[who]).sort()).toEqual([...shared.actors].sort());
      for (const state of Object.values(HazardState)) {
        expect(nextHazardState(state, action) !== null).toBe(LIFECYCLE[action].from.includes(state));
      }
    }
  });
});

describe.each(testBackends())('every state × action × person on %s', (backend) => {
  let app: HazardsTestApp;
  let client: HazardsClient;
  let cast: HazardCast;
  let people: Record<Who, User>;
  /** A live ticket of the same enterprise that merges point at. */
  let mergeTarget: string;

  useHazardsApp(backend, async (started, startedClient) => {
    app = started;
    client = startedClient;
    cast = await createHazardCast(app);
    people = {
      reporter: cast.reporter,
      assignee: cast.assignee,
      officer: cast.users.officerA1,
      unionStaff: cast.users.staffCountyA,
      otherEnterpriseOfficer: cast.users.officerA2,
      otherCityUnionStaff: cast.users.staffCityB,
      unrelatedWorker: cast.colleague,
    };
    mergeTarget = (await client.report(cast.reporter, cast.units.workplaceA1b.id)).ticket.id;
  });

  /**
   * A ticket of enterprise A1 brought to `state` through the API, ready for `action` to succeed
   * where it may: graded 重大 (with its plan) so it may be reported to the authority, with a
   * pending extension when the action decides one, fixed by the assignee (not by the verifiers).
   */
  async function ticketIn(state: HazardState, action: HazardAction): Promise<string> {
    const { officer, assignee } = people;
    const id: string = (await client.report(cast.reporter, cast.units.workplaceA1a.id)).ticket.id;
    if (state === SUBMITTED) return id;
    if (state === REJECTED) {
      await client.acted(officer, id, 'reject', { reason: '不予受理' });
      return id;
    }
    if (state === DUPLICATE) {
      await client.acted(officer, id, 'merge', { duplicateOfTicketId: mergeTarget });
      return id;
    }
    await client.acted(officer, id, 'triage', client.majorTriageBody(assignee));
    const decidesExtension = action === HazardAction.ApproveExtension || action === HazardAction.DenyExtension;
    if (state === ASSIGNED) {
      if (decidesExtension) await client.acted(assignee, id, 'extension-request', extensionBody());
      return id;
    }
    await client.acted(assignee, id, 'start');
    if (state === RECTIFYING) {
      if (decidesExtension) await client.acted(assignee, id, 'extension-request', extensionBody());
      return id;
    }
    await client.acted(assignee, id, 'submit-fix', await client.fixBody(assignee));
    if (state === PENDING) return id;
    await client.acted(officer, id, 'pass', {});
    return id;
  }

  const extensionBody = () => ({ deadline: chinaDay(30), reason: '配件需从厂家订购' });

  /** A valid body for the action, as `who` would send it (their own photos for a fix). */
  async function bodyFor(action: HazardAction, who: Who): Promise<unknown> {
    switch (action) {
      case HazardAction.Triage:
        return client.majorTriageBody(people.assignee);
      case HazardAction.Reject:
        return { reason: '经现场核实不存在该隐患' };
      case HazardAction.Merge:
        return { duplicateOfTicketId: mergeTarget };
      case HazardAction.FixOnTheSpot:
      case HazardAction.SubmitFix:
        return client.fixBody(people[who]);
      case HazardAction.Start:
        return undefined;
      case HazardAction.Reassign:
        return {
          responsibleUserId: String(people.assignee.id),
          measures: '重新交办整改',
          deadline: chinaDay(14),
          contingencyPlan: '设置警戒区',
        };
      case HazardAction.RequestExtension:
        return extensionBody();
      case HazardAction.ApproveExtension:
      case HazardAction.DenyExtension:
      case HazardAction.Pass:
        return {};
      case HazardAction.Fail:
      case HazardAction.Reopen:
        return { reason: '现场复查不合格' };
      case HazardAction.ReportToAuthority:
        return { department: '县应急管理局', reportedOn: chinaDay(0) };
    }
  }

  it.each(Object.values(HazardState))('from %s', async (state) => {
    const expected: Record<string, Record<Who, string>> = {};
    const actual: Record<string, Record<Who, string>> = {};
    // Each action works on tickets of its own, so the actions are tried side by side.
    await Promise.all(
      Object.values(HazardAction).map(async (action) => {
        expected[action] = {} as Record<Who, string>;
        actual[action] = {} as Record<Who, string>;
        // Refusals change nothing, so one ticket serves them all; every success gets a ticket of its own.
        const shared = await ticketIn(state, action);
        for (const who of EVERYONE) {
          expected[action][who] = expectedOutcome(state, action, who);
          const succeeds = expected[action][who].startsWith('200');
          const ticketId = succeeds ? await ticketIn(state, action) : shared;
          const response = await client.act(people[who], ticketId, ACTION_PATHS[action], await bodyFor(action, who));
          actual[action][who] =
            response.status === 200 ? `200 ${response.body.state}` : `${response.status} ${response.body.code}`;
        }
        // Nothing refused was written: the shared ticket is still where it was.
        expect((await client.get(people.officer, shared)).body.state).toBe(state);
      }),
    );
    expect(actual).toEqual(expected);
  });
});
