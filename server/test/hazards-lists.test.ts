import { randomUUID } from 'node:crypto';
import { CommonErrorCode, HazardCategory, HazardGrade, HazardState, ReporterVisibility } from '@ankang/shared';
import { Grid } from '../src/grids/grid.entity';
import { HazardTicket } from '../src/hazards/hazard-ticket.entity';
import { HazardTicketsRepository } from '../src/hazards/hazard-tickets.repository';
import { OrgUnit } from '../src/org/org-unit.entity';
import type { User } from '../src/users/user.entity';
import {
  type Answer,
  chinaDay,
  createHazardCast,
  type HazardCast,
  HazardsClient,
  type HazardsTestApp,
  useHazardsApp,
} from './hazards-support';
import { testBackends } from './support/backends';
import { expectErrorShape } from './support/http';

const DAY_MILLISECONDS = 24 * 60 * 60 * 1000;

describe.each(testBackends())('hazard lists on %s', (backend) => {
  let app: HazardsTestApp;
  let client: HazardsClient;

  useHazardsApp(backend, (started, startedClient) => {
    app = started;
    client = startedClient;
  });

  const codes = (page: Answer): string[] => page.body.items.map((item: { code: string }) => item.code);

  /** Every item of a list, page by page. */
  async function walk(user: User, query: string, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Answer = await client.list(user, `?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...codes(page));
      cursor = page.body.nextCursor;
    } while (cursor);
    return seen;
  }

  /**
   * Enterprise A1's tickets in every state, some overdue (a deadline already past can only be
   * written straight into the database: the API refuses one).
   */
  async function workload(cast: HazardCast) {
    const officer = cast.users.officerA1;
    const report = async (workplace: OrgUnit, category = HazardCategory.UnsafeCondition) =>
      (await client.report(cast.reporter, workplace.id, { category })).ticket.id as string;
    const triaged = async (workplace: OrgUnit, deadline: string, grade = HazardGrade.General) => {
      const id = await report(workplace);
      const body =
        grade === HazardGrade.Major
          ? client.majorTriageBody(cast.assignee, { deadline })
          : client.triageBody(cast.assignee, { deadline });
      await client.acted(officer, id, 'triage', body);
      return id;
    };
    const pastDue = async (id: string, daysAgo: number) => {
      await app.dataSource
        .getRepository(HazardTicket)
        .update({ id: Number(id) }, { dueAt: new Date(Date.now() - daysAgo * DAY_MILLISECONDS) });
    };

    const submittedOld = await report(cast.units.workplaceA1a);
    const submittedNew = await report(cast.units.workplaceA1b, HazardCategory.ViolationCommand);
    const dueLater = await triaged(cast.units.workplaceA1a, chinaDay(9));
    const dueSoon = await triaged(cast.units.workplaceA1b, chinaDay(2));
    const overdueLong = await triaged(cast.units.workplaceA1a, chinaDay(1));
    await pastDue(overdueLong, 5);
    const overdueMajor = await triaged(cast.units.workplaceA1a, chinaDay(1), HazardGrade.Major);
    await client.acted(cast.assignee, overdueMajor, 'start');
    await pastDue(overdueMajor, 1);
    const majorInTime = await triaged(cast.units.workplaceA1b, chinaDay(4), HazardGrade.Major);
    const pending = await triaged(cast.units.workplaceA1a, chinaDay(3));
    await client.acted(cast.assignee, pending, 'start');
    await client.acted(cast.assignee, pending, 'submit-fix', await client.fixBody(cast.assignee));
    const closedMajor = await triaged(cast.units.workplaceA1a, chinaDay(3), HazardGrade.Major);
    await client.acted(cast.assignee, closedMajor, 'start');
    await client.acted(cast.assignee, closedMajor, 'submit-fix', await client.fixBody(cast.assignee));
    await client.acted(officer, closedMajor, 'pass', {});
    const rejected = await report(cast.units.workplaceA1a);
    await client.acted(officer, rejected, 'reject', { reason: '不予受理' });
    const elsewhere = (await client.report(cast.users.workerB1, cast.units.workplaceB1a.id)).ticket.id as string;

    const rows = await app.dataSource.getRepository(HazardTicket).find({ order: { id: 'ASC' } });
    const code = (id: string) => rows.find((row) => row.id === Number(id))?.code as string;
    return {
      submittedOld: code(submittedOld),
      submittedNew: code(submittedNew),
      dueLater: code(dueLater),
      dueSoon: code(dueSoon),
      overdueLong: code(overdueLong),
      overdueMajor: code(overdueMajor),
      majorInTime: code(majorInTime),
      pending: code(pending),
      closedMajor: code(closedMajor),
      rejected: code(rejected),
      elsewhere: code(elsewhere),
    };
  }

  it('puts the officer’s queue in order: untriaged by age, then by deadline, overdue first', async () => {
    const cast = await createHazardCast(app);
    const t = await workload(cast);
    const officer = cast.users.officerA1;

    const queue = await client.list(officer, '?limit=100');
    expect(codes(queue)).toEqual([
      t.submittedOld,
      t.submittedNew,
      t.overdueLong,
      t.overdueMajor,
      t.dueSoon,
      t.pending,
      t.majorInTime,
      t.dueLater,
    ]);
    const overdue = queue.body.items
      .filter((item: { overdue: boolean }) => item.overdue)
      .map((item: { code: string }) => item.code);
    expect(overdue).toEqual([t.overdueLong, t.overdueMajor]);
    expect(queue.body.items[0]).toMatchObject({
      state: HazardState.Submitted,
      deadline: null,
      thumbnailUrl: expect.stringContaining('variant=thumbnail'),
    });
    // Page by page, the same list.
    expect(await walk(officer, 'view=queue', 3)).toEqual(codes(queue));
  });

  it('filters the queue by state, workplace, grid, category, grade and overdue', async () => {
    const cast = await createHazardCast(app);
    const t = await workload(cast);
    const officer = cast.users.officerA1;
    const list = async (query: string) => codes(await client.list(officer, `?limit=100&${query}`));

    expect(await list('state=assigned')).toEqual([t.overdueLong, t.dueSoon, t.majorInTime, t.dueLater]);
    expect(await list('state=rectifying')).toEqual([t.overdueMajor]);
    expect(await list('state=closed')).toEqual([]);
    expect(await list('overdue=true')).toEqual([t.overdueLong, t.overdueMajor]);
    expect(await list('overdue=false')).toEqual([
      t.submittedOld,
      t.submittedNew,
      t.dueSoon,
      t.pending,
      t.majorInTime,
      t.dueLater,
    ]);
    expect(await list(`workplaceId=${cast.units.workplaceA1b.id}`)).toEqual([t.submittedNew, t.dueSoon, t.majorInTime]);
    expect(await list(`category=${HazardCategory.ViolationCommand}`)).toEqual([t.submittedNew]);
    expect(await list(`grade=${HazardGrade.Major}`)).toEqual([t.overdueMajor, t.majorInTime]);
    expect(await list(`state=assigned&grade=${HazardGrade.Major}`)).toEqual([t.majorInTime]);

    const now = new Date();
    const inserted = await app.dataSource.getRepository(Grid).insert({
      unionId: cast.units.countyA.id,
      name: `网格-${cast.suffix}`,
      officerUserId: null,
      archivedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const gridId = Number(inserted.identifiers[0].id);
    await app.dataSource.getRepository(OrgUnit).update({ id: cast.units.workplaceA1b.id }, { gridId });
    expect(await list(`gridId=${gridId}`)).toEqual([t.submittedNew, t.dueSoon, t.majorInTime]);

    for (const query of ['state=unknown', 'overdue=maybe', 'view=everything', 'gridId=x', 'limit=0', 'limit=101']) {
      const refused = await client.list(officer, `?${query}`);
      expect(refused.status).toBe(400);
      expectErrorShape(refused.body, CommonErrorCode.ValidationFailed);
    }
    for (const cursor of ['garbage', Buffer.from(JSON.stringify(['not a date', 1])).toString('base64url')]) {
      const refused = await client.list(officer, `?cursor=${cursor}`);
      expect(refused.status).toBe(400);
      expectErrorShape(refused.body, CommonErrorCode.ValidationFailed);
    }
  });

  it('gives union staff their whole subtree and the supervision list: 重大 not yet done, and overdue', async () => {
    const cast = await createHazardCast(app);
    const t = await workload(cast);

    expect(await walk(cast.users.staffCountyA, 'view=supervision', 2)).toEqual([
      t.overdueLong,
      t.overdueMajor,
      t.majorInTime,
    ]);
    // The province sees both cities; city B sees only its own.
    const provinceAll = await walk(cast.users.staffProvince, 'view=all', 4);
    expect(provinceAll).toEqual(expect.arrayContaining([t.elsewhere, t.rejected, t.closedMajor, t.submittedOld]));
    expect(await walk(cast.users.staffCityB, 'view=all', 4)).toEqual([t.elsewhere]);

    // `all`: everything, newest first.
    const everything = await walk(cast.users.officerA1, 'view=all', 4);
    expect(everything).toEqual([...everything].sort().reverse());
    expect(everything).toEqual(expect.arrayContaining([t.rejected, t.closedMajor, t.pending]));
    expect(everything).not.toContain(t.elsewhere);
    expect(await walk(cast.users.officerA1, `view=all&state=${HazardState.Rejected}`, 4)).toEqual([t.rejected]);
  });

  it('lists the reporter’s hidden reports to them, and never their anonymous ones', async () => {
    const cast = await createHazardCast(app);
    const hidden = await client.report(cast.reporter, cast.units.workplaceA1a.id, {
      reporterVisibility: ReporterVisibility.HiddenFromEnterprise,
    });
    await client.report(cast.reporter, cast.units.workplaceA1a.id, {
      reporterVisibility: ReporterVisibility.Anonymous,
    });
    expect(codes(await client.mine(cast.reporter))).toEqual([hidden.ticket.code]);
  });

  if (backend === 'mysql') {
    it('walks IDX_hazard_ticket_queue for one enterprise and one state, without a filesort', async () => {
      const cast = await createHazardCast(app);
      // Enough tickets across enterprises and states that the optimiser's choice means something.
      const tickets = app.dataSource.getRepository(HazardTicket);
      const states = [HazardState.Submitted, HazardState.Assigned, HazardState.Rectifying, HazardState.Closed];
      const enterprises = [
        [cast.units.enterpriseA1, cast.units.workplaceA1a],
        [cast.units.enterpriseA2, cast.units.workplaceA2a],
        [cast.units.enterpriseB1, cast.units.workplaceB1a],
      ] as const;
      const now = Date.now();
      for (let batch = 0; batch < 6; batch += 1) {
        await tickets.insert(
          Array.from({ length: 500 }, (_, index) => {
            const serial = batch * 500 + index;
            const [enterprise, workplace] = enterprises[serial % enterprises.length];
            const state = states[serial % states.length];
            return {
              code: `X-${randomUUID().slice(0, 16)}`,
              clientKey: randomUUID(),
              reporterUserId: null,
              reporterVisibility: ReporterVisibility.Anonymous,
              followTokenHash: null,
              enterpriseId: enterprise.id,
              workplaceId: workplace.id,
              industry: null,
              category: HazardCategory.Other,
              description: '批量数据',
              locationNote: null,
              state,
              grade: null,
              dueAt: state === HazardState.Submitted ? null : new Date(now + (serial % 97) * DAY_MILLISECONDS),
              createdAt: new Date(now),
              updatedAt: new Date(now),
            };
          }),
        );
      }
      await app.dataSource.query('ANALYZE TABLE hazard_ticket');

      const repository = app.app.get(HazardTicketsRepository);
      const filter = {
        enterprises: { enterpriseIds: [cast.units.enterpriseA1.id] },
        states: [HazardState.Assigned],
        now: new Date(),
        limit: 20,
      };
      for (const after of [null, { dueAt: new Date(now + 10 * DAY_MILLISECONDS), id: 1 }]) {
        const [sql, parameters] = repository.byDeadlineQuery(filter, after).getQueryAndParameters();
        const plan: { table: string; key: string | null; Extra: string | null }[] = await app.dataSource.query(
          `EXPLAIN ${sql}`,
          parameters,
        );
        const ticketStep = plan.find((step) => step.table === 'ticket');
        expect(ticketStep?.key).toBe('IDX_hazard_ticket_queue');
        for (const step of plan) expect(step.Extra ?? '').not.toMatch(/filesort|temporary/i);
      }
    });
  }
});
