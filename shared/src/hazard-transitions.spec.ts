import { HazardState } from './enums';
import {
  allowedHazardActions,
  HAZARD_TRANSITIONS,
  HazardAction,
  HazardActor,
  nextHazardState,
  TERMINAL_HAZARD_STATES,
} from './hazard-transitions';

describe('hazard ticket transitions', () => {
  it.each([
    [HazardState.Submitted, HazardAction.Triage, HazardState.Assigned],
    [HazardState.Submitted, HazardAction.Reject, HazardState.Rejected],
    [HazardState.Submitted, HazardAction.Merge, HazardState.Duplicate],
    [HazardState.Submitted, HazardAction.FixOnTheSpot, HazardState.PendingVerification],
    [HazardState.Assigned, HazardAction.Start, HazardState.Rectifying],
    [HazardState.Rectifying, HazardAction.Reassign, HazardState.Assigned],
    [HazardState.Rectifying, HazardAction.SubmitFix, HazardState.PendingVerification],
    [HazardState.PendingVerification, HazardAction.Pass, HazardState.Closed],
    [HazardState.PendingVerification, HazardAction.Fail, HazardState.Rectifying],
    [HazardState.Closed, HazardAction.Reopen, HazardState.Rectifying],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(nextHazardState(from, action)).toBe(to);
  });

  it('changes a ticket in place for extensions and the report to the authority', () => {
    expect(nextHazardState(HazardState.Rectifying, HazardAction.RequestExtension)).toBe(HazardState.Rectifying);
    expect(nextHazardState(HazardState.Assigned, HazardAction.ApproveExtension)).toBe(HazardState.Assigned);
    expect(nextHazardState(HazardState.Closed, HazardAction.ReportToAuthority)).toBe(HazardState.Closed);
    expect(nextHazardState(HazardState.PendingVerification, HazardAction.RequestExtension)).toBeNull();
    expect(nextHazardState(HazardState.Submitted, HazardAction.ReportToAuthority)).toBeNull();
  });

  it('refuses moves the diagram does not draw', () => {
    expect(nextHazardState(HazardState.Submitted, HazardAction.Pass)).toBeNull();
    expect(nextHazardState(HazardState.Assigned, HazardAction.SubmitFix)).toBeNull();
    expect(nextHazardState(HazardState.Rejected, HazardAction.Reopen)).toBeNull();
    expect(nextHazardState(HazardState.Duplicate, HazardAction.Triage)).toBeNull();
  });

  it('leaves rejected and duplicate tickets with no action for anyone', () => {
    const everyone = Object.values(HazardActor);
    expect(allowedHazardActions(HazardState.Rejected, everyone)).toEqual([]);
    expect(allowedHazardActions(HazardState.Duplicate, everyone)).toEqual([]);
    expect(TERMINAL_HAZARD_STATES).toEqual(
      expect.arrayContaining([HazardState.Closed, HazardState.Rejected, HazardState.Duplicate]),
    );
  });

  it('never lets the rectifier verify their own fix', () => {
    expect(HAZARD_TRANSITIONS[HazardAction.Pass].actors).not.toContain(HazardActor.Assignee);
    expect(HAZARD_TRANSITIONS[HazardAction.Fail].actors).not.toContain(HazardActor.Assignee);
    expect(allowedHazardActions(HazardState.PendingVerification, [HazardActor.Assignee])).toEqual([]);
  });

  it('offers each actor only their own actions', () => {
    expect(allowedHazardActions(HazardState.Submitted, [HazardActor.Officer])).toEqual([
      HazardAction.Triage,
      HazardAction.Reject,
      HazardAction.Merge,
      HazardAction.FixOnTheSpot,
    ]);
    expect(allowedHazardActions(HazardState.Assigned, [HazardActor.Assignee])).toEqual([
      HazardAction.Start,
      HazardAction.RequestExtension,
    ]);
    expect(allowedHazardActions(HazardState.Closed, [HazardActor.Officer])).toEqual([]);
    expect(allowedHazardActions(HazardState.Closed, [HazardActor.UnionStaff])).toEqual([
      HazardAction.Reopen,
      HazardAction.ReportToAuthority,
    ]);
  });

  it('reaches every state from submitted', () => {
    const reached = new Set<HazardState>([HazardState.Submitted]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const transition of Object.values(HAZARD_TRANSITIONS)) {
        if (transition.to && transition.from.some((state) => reached.has(state)) && !reached.has(transition.to)) {
          reached.add(transition.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual(Object.values(HazardState).sort());
  });
});
