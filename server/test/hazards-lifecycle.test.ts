import {
  CommonErrorCode,
  HazardAction,
  HazardCategory,
  HazardErrorCode,
  HazardGrade,
  HazardPhotoKind,
  HazardState,
  InboxMessageKind,
  REOPEN_WINDOW_DAYS,
  ReporterVisibility,
} from '@ankang/shared';
import { In } from 'typeorm';
import { HazardTicket } from '../src/hazards/hazard-ticket.entity';
import { HazardPhoto } from '../src/hazards/photos/hazard-photo.entity';
import { TicketEvent } from '../src/hazards/ticket-event.entity';
import { InboxMessage } from '../src/inbox/inbox-message.entity';
import { OrgUnit } from '../src/org/org-unit.entity';
import { createUser } from './factories/org.factory';
import {
  chinaDay,
  createHazardCast,
  type HazardCast,
  HazardsClient,
  type HazardsTestApp,
  useHazardsApp,
} from './hazards-support';
import { testBackends } from './support/backends';
import { expectErrorShape, request } from './support/http';

const DAY_MILLISECONDS = 24 * 60 * 60 * 1000;

describe.each(testBackends())('hazard ticket lifecycle on %s', (backend) => {
  let app: HazardsTestApp;
  let client: HazardsClient;

  useHazardsApp(backend, (started, startedClient) => {
    app = started;
    client = startedClient;
  });

  const inboxOf = (userId: number, ticketId: string) =>
    app.dataSource.getRepository(InboxMessage).find({
      where: { userId, hazardTicketId: Number(ticketId) },
      order: { id: 'ASC' },
    });
  const eventRows = (ticketId: string) =>
    app.dataSource.getRepository(TicketEvent).find({ where: { ticketId: Number(ticketId) }, order: { id: 'ASC' } });
  const ticketRow = (ticketId: string) =>
    app.dataSource.getRepository(HazardTicket).findOneByOrFail({ id: Number(ticketId) });

  /** A ticket of A1 reported by the cast's reporter and triaged by A1's officer; its id. */
  async function assignedTicket(cast: HazardCast, triage: Record<string, unknown> = {}): Promise<string> {
    const { ticket } = await client.report(cast.reporter, cast.units.workplaceA1a.id);
    await client.acted(cast.users.officerA1, ticket.id, 'triage', client.triageBody(cast.assignee, triage));
    return ticket.id;
  }

  async function pendingVerificationTicket(cast: HazardCast): Promise<string> {
    const id = await assignedTicket(cast);
    await client.acted(cast.assignee, id, 'start');
    await client.acted(cast.assignee, id, 'submit-fix', await client.fixBody(cast.assignee));
    return id;
  }

  it('drives a report to 已销号: triage, start, fix with an after-photo, verification by another person', async () => {
    const cast = await createHazardCast(app);
    const officer = cast.users.officerA1;

    const { ticket: reported } = await client.report(cast.reporter, cast.units.workplaceA1a.id);
    expect(reported).toMatchObject({
      state: HazardState.Submitted,
      grade: null,
      industry: cast.units.workplaceA1a.industry,
      reporter: { id: String(cast.reporter.id), displayName: cast.reporter.displayName },
      assignment: null,
      actions: [],
    });
    expect(reported.photos).toEqual([
      expect.objectContaining({
        kind: HazardPhotoKind.Report,
        url: expect.stringContaining(`/hazards/${reported.id}/`),
      }),
    ]);
    expect(reported.thumbnailUrl).toBe(reported.photos[0].thumbnailUrl);

    const officerView = (await client.get(officer, reported.id)).body;
    expect(officerView.actions).toEqual([
      HazardAction.Triage,
      HazardAction.Reject,
      HazardAction.Merge,
      HazardAction.FixOnTheSpot,
    ]);

    const deadline = chinaDay(5);
    const triaged = await client.acted(
      officer,
      reported.id,
      'triage',
      client.triageBody(cast.assignee, { deadline, category: HazardCategory.ViolationOperation }),
    );
    expect(triaged).toMatchObject({
      state: HazardState.Assigned,
      grade: HazardGrade.General,
      category: HazardCategory.ViolationOperation,
      deadline,
      overdue: false,
      assignment: {
        responsible: { id: String(cast.assignee.id), displayName: cast.assignee.displayName },
        measures: '更换护栏并加装警示标识',
        funding: '2000 元',
        deadline,
        contingencyPlan: null,
      },
    });
    expect((await ticketRow(reported.id)).dueAt?.toISOString()).toBe(
      new Date(Date.parse(`${deadline}T00:00:00+08:00`) + DAY_MILLISECONDS - 1).toISOString(),
    );
    expect(await inboxOf(cast.assignee.id, reported.id)).toEqual([
      expect.objectContaining({
        kind: InboxMessageKind.HazardAssigned,
        link: `/pages/hazard/detail?id=${reported.id}`,
      }),
    ]);

    expect((await client.get(cast.assignee, reported.id)).body.actions).toEqual([
      HazardAction.Start,
      HazardAction.RequestExtension,
    ]);
    expect((await client.acted(cast.assignee, reported.id, 'start')).state).toBe(HazardState.Rectifying);

    const fixed = await client.acted(cast.assignee, reported.id, 'submit-fix', await client.fixBody(cast.assignee));
    expect(fixed.state).toBe(HazardState.PendingVerification);
    expect(fixed.photos.map((photo: { kind: string }) => photo.kind)).toEqual([
      HazardPhotoKind.Report,
      HazardPhotoKind.Fix,
    ]);
    expect(await inboxOf(officer.id, reported.id)).toEqual([
      expect.objectContaining({ kind: InboxMessageKind.HazardFixSubmitted }),
    ]);

    const closed = await client.acted(officer, reported.id, 'pass', { note: '现场复查合格' });
    expect(closed).toMatchObject({ state: HazardState.Closed, closedAt: expect.any(String) });
    expect(await inboxOf(cast.reporter.id, reported.id)).toEqual([
      expect.objectContaining({ kind: InboxMessageKind.HazardClosed }),
    ]);

    // The worker sees 已销号 and the whole timeline, oldest first, each step with who took it.
    const seenByReporter = (await client.get(cast.reporter, reported.id)).body;
    expect(seenByReporter.state).toBe(HazardState.Closed);
    expect(
      seenByReporter.events.map((event: any) => [
        event.action,
        event.fromState,
        event.toState,
        event.actor?.id ?? null,
      ]),
    ).toEqual([
      ['report', null, HazardState.Submitted, String(cast.reporter.id)],
      [HazardAction.Triage, HazardState.Submitted, HazardState.Assigned, String(officer.id)],
      [HazardAction.Start, HazardState.Assigned, HazardState.Rectifying, String(cast.assignee.id)],
      [HazardAction.SubmitFix, HazardState.Rectifying, HazardState.PendingVerification, String(cast.assignee.id)],
      [HazardAction.Pass, HazardState.PendingVerification, HazardState.Closed, String(officer.id)],
    ]);
    expect(seenByReporter.events.at(-1).note).toBe('现场复查合格');

    // The audit rows carry the details of each step.
    const rows = await eventRows(reported.id);
    expect(JSON.parse(rows[1].payload ?? '{}')).toMatchObject({
      grade: HazardGrade.General,
      responsibleUserId: cast.assignee.id,
      deadline,
      measures: '更换护栏并加装警示标识',
    });
    const stored = await ticketRow(reported.id);
    expect([stored.rectifiedBy, stored.verifiedBy]).toEqual([cast.assignee.id, officer.id]);
  });

  it('never lets the rectifier verify their own fix, and lets another officer or union staff do it', async () => {
    const cast = await createHazardCast(app);
    const officer = cast.users.officerA1;
    // The officer is made responsible, fixes it, and then cannot verify it.
    const { ticket } = await client.report(cast.reporter, cast.units.workplaceA1a.id);
    await client.acted(officer, ticket.id, 'triage', client.triageBody(officer));
    await client.acted(officer, ticket.id, 'start');
    const fixed = await client.acted(officer, ticket.id, 'submit-fix', await client.fixBody(officer));
    expect(fixed.actions).not.toContain(HazardAction.Pass);
    expect(fixed.actions).not.toContain(HazardAction.Fail);

    for (const [action, body] of [
      ['pass', { note: '合格' }],
      ['fail', { reason: '不合格' }],
    ] as const) {
      const refused = await client.act(officer, ticket.id, action, body);
      expect(refused.status).toBe(403);
      expectErrorShape(refused.body, HazardErrorCode.VerifierIsRectifier);
    }
    expect((await ticketRow(ticket.id)).state).toBe(HazardState.PendingVerification);

    const staffView = (await client.get(cast.users.staffCountyA, ticket.id)).body;
    // A general ticket: nothing to report to the authority.
    expect(staffView.actions).toEqual([HazardAction.Pass, HazardAction.Fail]);
    expect((await client.acted(cast.users.staffCountyA, ticket.id, 'pass', {})).state).toBe(HazardState.Closed);

    // Fixed on the spot: the officer who fixed it is the rectifier too.
    const other = await client.report(cast.reporter, cast.units.workplaceA1b.id);
    const spot = await client.acted(officer, other.ticket.id, 'fix-on-the-spot', await client.fixBody(officer));
    expect(spot).toMatchObject({
      state: HazardState.PendingVerification,
      grade: HazardGrade.General,
      assignment: null,
    });
    expectErrorShape(
      (await client.act(officer, other.ticket.id, 'pass', {})).body,
      HazardErrorCode.VerifierIsRectifier,
    );
  });

  it('sends a failed verification back to rectifying, and a later fix to verification again', async () => {
    const cast = await createHazardCast(app);
    const id = await pendingVerificationTicket(cast);
    const failed = await client.acted(cast.users.officerA1, id, 'fail', { reason: '警示标识未设置' });
    expect(failed.state).toBe(HazardState.Rectifying);
    expect(failed.events.at(-1)).toMatchObject({ action: HazardAction.Fail, note: '警示标识未设置' });
    const again = await client.acted(cast.assignee, id, 'submit-fix', await client.fixBody(cast.assignee));
    expect(again.state).toBe(HazardState.PendingVerification);
    expect(again.photos.filter((photo: { kind: string }) => photo.kind === HazardPhotoKind.Fix)).toHaveLength(2);
  });

  it('requires after-photos of the right kind, uploaded by the one who submits the fix', async () => {
    const cast = await createHazardCast(app);
    const id = await assignedTicket(cast);
    await client.acted(cast.assignee, id, 'start');

    const none = await client.act(cast.assignee, id, 'submit-fix', { note: '已整改', photoIds: [] });
    expect(none.status).toBe(400);
    expectErrorShape(none.body, HazardErrorCode.AfterPhotoRequired);

    const reportKind = await client.uploadPhoto(cast.assignee, HazardPhotoKind.Report);
    const someoneElses = await client.uploadPhoto(cast.users.officerA1, HazardPhotoKind.Fix);
    for (const photoIds of [[reportKind], [someoneElses], ['999999999']]) {
      const refused = await client.act(cast.assignee, id, 'submit-fix', { note: '已整改', photoIds });
      expect(refused.status).toBe(400);
      expectErrorShape(refused.body, HazardErrorCode.PhotoNotUsable);
    }
    // Nothing of a refused fix was written: no state change, no event, no photo taken.
    expect((await ticketRow(id)).state).toBe(HazardState.Rectifying);
    expect((await eventRows(id)).map((event) => event.action)).toEqual(['report', 'triage', 'start']);
    expect(
      (await app.dataSource.getRepository(HazardPhoto).findOneByOrFail({ id: Number(someoneElses) })).ticketId,
    ).toBeNull();

    const onTheSpot = await client.report(cast.reporter, cast.units.workplaceA1a.id);
    const spotWithout = await client.act(cast.users.officerA1, onTheSpot.ticket.id, 'fix-on-the-spot', {
      note: '当场整改',
      photoIds: [],
    });
    expectErrorShape(spotWithout.body, HazardErrorCode.AfterPhotoRequired);
  });

  it('checks the 五定: plan for 重大, deadline from today, a responsible person of the enterprise', async () => {
    const cast = await createHazardCast(app);
    const officer = cast.users.officerA1;
    const { ticket } = await client.report(cast.reporter, cast.units.workplaceA1a.id);
    const attempt = (body: Record<string, unknown>) => client.act(officer, ticket.id, 'triage', body);

    const noPlan = await attempt(client.triageBody(cast.assignee, { grade: HazardGrade.Major }));
    expect(noPlan.status).toBe(400);
    expectErrorShape(noPlan.body, HazardErrorCode.ContingencyPlanRequired);

    const past = await attempt(client.triageBody(cast.assignee, { deadline: chinaDay(-1) }));
    expect(past.status).toBe(400);
    expectErrorShape(past.body, HazardErrorCode.DeadlineInPast);

    for (const deadline of ['2026-02-30', '2026/12/01', 'tomorrow']) {
      const malformed = await attempt(client.triageBody(cast.assignee, { deadline }));
      expect(malformed.status).toBe(400);
      expectErrorShape(malformed.body, CommonErrorCode.ValidationFailed);
      expect(malformed.body.details).toEqual([{ field: 'deadline', message: expect.any(String) }]);
    }

    const disabled = await createUser(app.dataSource, {
      enterpriseId: cast.units.enterpriseA1.id,
      disabledAt: new Date(),
    });
    for (const outsider of [
      cast.users.workerB1,
      cast.users.officerA2,
      cast.users.staffCountyA,
      cast.users.nobody,
      disabled,
    ]) {
      const refused = await attempt(client.triageBody(outsider));
      expect(refused.status).toBe(400);
      expectErrorShape(refused.body, HazardErrorCode.ResponsiblePersonInvalid);
    }
    const unknown = await attempt(client.triageBody(cast.assignee, { responsibleUserId: '999999999' }));
    expectErrorShape(unknown.body, HazardErrorCode.ResponsiblePersonInvalid);
    expect((await eventRows(ticket.id)).map((event) => event.action)).toEqual(['report']);

    // Today is a valid last day; the officer themself (a role at the enterprise) may be responsible.
    const triaged = await attempt(client.triageBody(officer, { deadline: chinaDay(0) }));
    expect(triaged.status).toBe(200);
    expect(triaged.body.assignment.responsible.id).toBe(String(officer.id));
  });

  it('tells the union staff above the enterprise of a 重大 ticket at once, once each', async () => {
    const cast = await createHazardCast(app);
    const id = await assignedTicket(cast, { grade: HazardGrade.Major, contingencyPlan: '设置警戒区' });
    const staffAbove = [cast.users.staffProvince, cast.users.staffCityA, cast.users.staffCountyA];
    for (const staff of staffAbove) {
      expect(await inboxOf(staff.id, id)).toEqual([
        expect.objectContaining({
          kind: InboxMessageKind.HazardMajorReported,
          title: expect.stringContaining('重大隐患'),
          link: `/pages/hazard/detail?id=${id}`,
        }),
      ]);
    }
    // Union staff elsewhere and the enterprise's own people get no such alert.
    const major = await app.dataSource.getRepository(InboxMessage).findBy({
      hazardTicketId: Number(id),
      kind: InboxMessageKind.HazardMajorReported,
    });
    expect(major.map((message) => message.userId).sort()).toEqual(staffAbove.map((staff) => staff.id).sort());

    // Reassigned: the new responsible person is told; the union is not told twice.
    await client.acted(cast.users.staffCityA, id, 'reassign', {
      responsibleUserId: String(cast.colleague.id),
      measures: '由同事接手整改',
      deadline: chinaDay(3),
      contingencyPlan: '设置警戒区',
    });
    expect(await inboxOf(cast.colleague.id, id)).toEqual([
      expect.objectContaining({ kind: InboxMessageKind.HazardAssigned }),
    ]);
    expect(
      await app.dataSource.getRepository(InboxMessage).countBy({
        hazardTicketId: Number(id),
        kind: InboxMessageKind.HazardMajorReported,
      }),
    ).toBe(3);

    // A reassignment of a 重大 ticket keeps needing its plan.
    const noPlan = await client.act(cast.users.officerA1, id, 'reassign', {
      responsibleUserId: String(cast.assignee.id),
      measures: '换人整改',
      deadline: chinaDay(3),
    });
    expectErrorShape(noPlan.body, HazardErrorCode.ContingencyPlanRequired);
  });

  it('records the report of a 重大 ticket to the authority once, never for a general one', async () => {
    const cast = await createHazardCast(app);
    const staff = cast.users.staffCityA;
    const major = await assignedTicket(cast, { grade: HazardGrade.Major, contingencyPlan: '设置警戒区' });
    expect((await client.get(staff, major)).body.actions).toContain(HazardAction.ReportToAuthority);

    const future = await client.act(staff, major, 'authority-report', {
      department: '县应急管理局',
      reportedOn: chinaDay(1),
    });
    expect(future.status).toBe(400);
    expectErrorShape(future.body, CommonErrorCode.ValidationFailed);

    const reported = await client.acted(staff, major, 'authority-report', {
      department: '县应急管理局',
      reportedOn: chinaDay(0),
      reference: '应急〔2026〕12 号',
    });
    expect(reported).toMatchObject({
      state: HazardState.Assigned,
      authorityReport: { department: '县应急管理局', reportedOn: chinaDay(0), reference: '应急〔2026〕12 号' },
    });
    expect(reported.actions).not.toContain(HazardAction.ReportToAuthority);
    expect(reported.events.at(-1)).toMatchObject({
      action: HazardAction.ReportToAuthority,
      fromState: HazardState.Assigned,
      toState: HazardState.Assigned,
    });
    const again = await client.act(staff, major, 'authority-report', {
      department: '市应急管理局',
      reportedOn: chinaDay(0),
    });
    expect(again.status).toBe(409);
    expectErrorShape(again.body, HazardErrorCode.TransitionNotAllowed);

    const general = await assignedTicket(cast);
    const notMajor = await client.act(staff, general, 'authority-report', {
      department: '县应急管理局',
      reportedOn: chinaDay(0),
    });
    expect(notMajor.status).toBe(409);
    expectErrorShape(notMajor.body, HazardErrorCode.NotMajor);
  });

  it('handles one extension at a time: requested by the assignee, approved or denied by a manager', async () => {
    const cast = await createHazardCast(app);
    const officer = cast.users.officerA1;
    const id = await assignedTicket(cast, { deadline: chinaDay(3) });

    const notLater = await client.act(cast.assignee, id, 'extension-request', {
      deadline: chinaDay(3),
      reason: '配件未到',
    });
    expectErrorShape(notLater.body, CommonErrorCode.ValidationFailed);
    const noneToDecide = await client.act(officer, id, 'extension-approve', {});
    expect(noneToDecide.status).toBe(409);
    expectErrorShape(noneToDecide.body, HazardErrorCode.NoExtensionPending);

    const requested = await client.acted(cast.assignee, id, 'extension-request', {
      deadline: chinaDay(10),
      reason: '护栏配件需从厂家订购',
    });
    expect(requested.pendingExtension).toEqual({
      deadline: chinaDay(10),
      reason: '护栏配件需从厂家订购',
      requestedAt: expect.any(String),
    });
    expect(requested.deadline).toBe(chinaDay(3));
    expect(requested.actions).not.toContain(HazardAction.RequestExtension);
    expect(await inboxOf(officer.id, id)).toEqual([
      expect.objectContaining({ kind: InboxMessageKind.HazardExtensionRequested }),
    ]);
    const second = await client.act(cast.assignee, id, 'extension-request', { deadline: chinaDay(12), reason: '再延' });
    expect(second.status).toBe(409);
    expectErrorShape(second.body, HazardErrorCode.ExtensionPending);

    expect((await client.get(officer, id)).body.actions).toEqual(
      expect.arrayContaining([HazardAction.ApproveExtension, HazardAction.DenyExtension]),
    );
    const approved = await client.acted(officer, id, 'extension-approve', { note: '同意' });
    expect(approved).toMatchObject({ deadline: chinaDay(10), pendingExtension: null, state: HazardState.Assigned });
    expect(approved.assignment.deadline).toBe(chinaDay(10));

    await client.acted(cast.assignee, id, 'extension-request', { deadline: chinaDay(20), reason: '仍需时间' });
    const denied = await client.acted(cast.users.staffCountyA, id, 'extension-deny', { note: '不同意' });
    expect(denied).toMatchObject({ deadline: chinaDay(10), pendingExtension: null });
    expect(denied.events.slice(-4).map((event: { action: string }) => event.action)).toEqual([
      HazardAction.RequestExtension,
      HazardAction.ApproveExtension,
      HazardAction.RequestExtension,
      HazardAction.DenyExtension,
    ]);
  });

  it('reopens a closed ticket within 30 days of closing, and not after', async () => {
    const cast = await createHazardCast(app);
    const staff = cast.users.staffCityA;
    const id = await pendingVerificationTicket(cast);
    await client.acted(cast.users.officerA1, id, 'pass', {});

    // Just inside the window.
    await app.dataSource
      .getRepository(HazardTicket)
      .update({ id: Number(id) }, { closedAt: new Date(Date.now() - REOPEN_WINDOW_DAYS * DAY_MILLISECONDS + 60_000) });
    expect((await client.get(staff, id)).body.actions).toContain(HazardAction.Reopen);
    const reopened = await client.acted(staff, id, 'reopen', { reason: '督查发现护栏再次松动' });
    expect(reopened).toMatchObject({ state: HazardState.Rectifying, closedAt: null });
    expect((await ticketRow(id)).verifiedBy).toBeNull();

    // Closed again, then past the window.
    await client.acted(cast.assignee, id, 'submit-fix', await client.fixBody(cast.assignee));
    await client.acted(cast.users.officerA1, id, 'pass', {});
    await app.dataSource
      .getRepository(HazardTicket)
      .update({ id: Number(id) }, { closedAt: new Date(Date.now() - REOPEN_WINDOW_DAYS * DAY_MILLISECONDS - 60_000) });
    expect((await client.get(staff, id)).body.actions).not.toContain(HazardAction.Reopen);
    const late = await client.act(staff, id, 'reopen', { reason: '太晚了' });
    expect(late.status).toBe(409);
    expectErrorShape(late.body, HazardErrorCode.ReopenWindowPassed);
    expect((await ticketRow(id)).state).toBe(HazardState.Closed);
  });

  it('rejects with a reason, and merges only into another live ticket of the same enterprise', async () => {
    const cast = await createHazardCast(app);
    const officer = cast.users.officerA1;
    const first = (await client.report(cast.reporter, cast.units.workplaceA1a.id)).ticket;
    const repeat = (await client.report(cast.colleague, cast.units.workplaceA1a.id)).ticket;
    const rejected = (await client.report(cast.reporter, cast.units.workplaceA1b.id)).ticket;
    const elsewhere = (await client.report(cast.users.officerA2, cast.units.workplaceA2a.id)).ticket;

    const done = await client.acted(officer, rejected.id, 'reject', { reason: '经现场核实不存在该隐患' });
    expect(done).toMatchObject({ state: HazardState.Rejected, rejectReason: '经现场核实不存在该隐患', actions: [] });

    for (const target of [repeat.id, rejected.id, elsewhere.id, '999999999']) {
      const refused = await client.act(officer, repeat.id, 'merge', { duplicateOfTicketId: target });
      expect(refused.status).toBe(400);
      expectErrorShape(refused.body, HazardErrorCode.MergeTargetInvalid);
    }
    const merged = await client.acted(officer, repeat.id, 'merge', {
      duplicateOfTicketId: first.id,
      note: '同一处护栏',
    });
    expect(merged).toMatchObject({ state: HazardState.Duplicate, duplicateOf: { id: first.id, code: first.code } });

    // A duplicate is no target either.
    const third = (await client.report(cast.reporter, cast.units.workplaceA1a.id)).ticket;
    const intoDuplicate = await client.act(officer, third.id, 'merge', { duplicateOfTicketId: repeat.id });
    expectErrorShape(intoDuplicate.body, HazardErrorCode.MergeTargetInvalid);
  });

  it('lets exactly one of two people acting at once win; the other is told someone acted first', async () => {
    const cast = await createHazardCast(app);
    const { ticket } = await client.report(cast.reporter, cast.units.workplaceA1a.id);
    const results = await Promise.all([
      client.act(cast.users.officerA1, ticket.id, 'triage', client.triageBody(cast.assignee)),
      client.act(cast.users.staffCountyA, ticket.id, 'reject', { reason: '重复' }),
      client.act(cast.users.staffCityA, ticket.id, 'triage', client.triageBody(cast.colleague)),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409, 409]);
    for (const refused of results.filter((result) => result.status === 409)) {
      expectErrorShape(refused.body, HazardErrorCode.TransitionNotAllowed);
    }
    expect((await eventRows(ticket.id)).map((event) => event.action)).toHaveLength(2);
  });

  it('lets a hidden or named reporter, but no one else, see their report in 我的上报', async () => {
    const cast = await createHazardCast(app);
    const named = (await client.report(cast.reporter, cast.units.workplaceA1a.id)).ticket;
    const hidden = (
      await client.report(cast.reporter, cast.units.workplaceA1b.id, {
        reporterVisibility: ReporterVisibility.HiddenFromEnterprise,
      })
    ).ticket;
    const anonymous = (
      await client.report(cast.reporter, cast.units.workplaceA1b.id, {
        reporterVisibility: ReporterVisibility.Anonymous,
      })
    ).ticket;

    const firstPage = await client.mine(cast.reporter, '?limit=1');
    expect(firstPage.body.items.map((item: { id: string }) => item.id)).toEqual([hidden.id]);
    expect(firstPage.body.items[0]).toMatchObject({ code: hidden.code, thumbnailUrl: expect.any(String) });
    const secondPage = await client.mine(cast.reporter, `?limit=1&cursor=${firstPage.body.nextCursor}`);
    expect(secondPage.body).toEqual({ items: [expect.objectContaining({ id: named.id })], nextCursor: null });
    expect(JSON.stringify([firstPage.body, secondPage.body])).not.toContain(anonymous.code);
    expect((await client.mine(cast.colleague)).body).toEqual({ items: [], nextCursor: null });
  });

  it('documents every hazard route in the OpenAPI document', async () => {
    const document = await request('GET', `${app.baseUrl.replace('/api/v1', '')}/api/docs-json`);
    expect(document.status).toBe(200);
    const paths = document.body.paths;
    expect(Object.keys(paths['/api/v1/hazards'] ?? {}).sort()).toEqual(['get', 'post']);
    for (const route of ['mine', 'follow/{token}', '{id}', '{id}/photos/{photoId}']) {
      expect(paths[`/api/v1/hazards/${route}`]?.get).toBeDefined();
    }
    const actions = Object.keys(paths).filter(
      (path) => /^\/api\/v1\/hazards\/\{id\}\/[a-z-]+$/.test(path) && paths[path].post,
    );
    expect(actions).toHaveLength(14);
    expect(paths['/api/v1/hazards/{id}/triage'].post.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/HazardTicketDetailDto',
    });
  });

  it('answers a report at an unknown or archived workplace plainly', async () => {
    const cast = await createHazardCast(app);
    const unknown = await client.sendReport(cast.reporter, await client.reportBody(cast.reporter, 999999999));
    expect(unknown.status).toBe(404);
    const enterprise = await client.sendReport(
      cast.reporter,
      await client.reportBody(cast.reporter, cast.units.enterpriseA1.id),
    );
    expect(enterprise.status).toBe(404);

    await app.dataSource.getRepository(OrgUnit).update({ id: cast.units.workplaceA1b.id }, { archivedAt: new Date() });
    const archived = await client.sendReport(
      cast.reporter,
      await client.reportBody(cast.reporter, cast.units.workplaceA1b.id),
    );
    expect(archived.status).toBe(409);
    expectErrorShape(archived.body, 'ORG_WORKPLACE_ARCHIVED');
    await app.dataSource.getRepository(OrgUnit).update({ id: cast.units.enterpriseB1.id }, { archivedAt: new Date() });
    const archivedEnterprise = await client.sendReport(
      cast.users.workerB1,
      await client.reportBody(cast.users.workerB1, cast.units.workplaceB1a.id),
    );
    expect(archivedEnterprise.status).toBe(409);
    // Nothing was filed.
    expect(
      await app.dataSource
        .getRepository(HazardTicket)
        .countBy({ reporterUserId: In([cast.reporter.id, cast.users.workerB1.id]) }),
    ).toBe(0);
  });
});
