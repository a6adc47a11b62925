import { AuthErrorCode, CommonErrorCode, HazardGrade, ReporterVisibility, Role } from '@ankang/shared';
import { HazardTicket } from '../src/hazards/hazard-ticket.entity';
import { HazardPhoto } from '../src/hazards/photos/hazard-photo.entity';
import { TicketEvent } from '../src/hazards/ticket-event.entity';
import { User } from '../src/users/user.entity';
import { grantRole } from './factories/org.factory';
import {
  type Answer,
  chinaDay,
  createHazardCast,
  type HazardCast,
  HazardsClient,
  type HazardsTestApp,
  startHazardsApp,
  stringsIn,
  useHazardsApp,
  withoutRequestId,
} from './hazards-support';
import { testBackends } from './support/backends';
import { expectErrorShape, request } from './support/http';

describe.each(testBackends())('who sees a hazard ticket on %s', (backend) => {
  let app: HazardsTestApp;
  let client: HazardsClient;

  useHazardsApp(backend, (started, startedClient) => {
    app = started;
    client = startedClient;
  });

  async function inbox(user: User): Promise<Answer> {
    const response = await request('GET', `${app.baseUrl}/inbox?limit=100`, { token: client.token(user) });
    expect(response.status).toBe(200);
    return response;
  }
  const ids = (page: Answer) => page.body.items.map((item: { id: string }) => item.id);

  /** A person with an id no other row of the test shares, so finding it in a body means finding them. */
  async function distinctivePerson(cast: HazardCast, name: string): Promise<User> {
    const id = 7_000_000 + Math.floor(Math.random() * 1_000_000);
    const now = new Date();
    await app.dataSource.getRepository(User).insert({
      id,
      displayName: `${name}${cast.suffix}`,
      enterpriseId: cast.units.enterpriseA1.id,
      createdAt: now,
      updatedAt: now,
    });
    const person = await app.dataSource.getRepository(User).findOneByOrFail({ id });
    await grantRole(app.dataSource, person, Role.Worker, cast.units.enterpriseA1);
    return person;
  }

  function expectNotFound(response: Answer, missing: Answer): void {
    expect(response.status).toBe(404);
    expectErrorShape(response.body, CommonErrorCode.NotFound);
    // Exactly what an id that names nothing gets: nothing is revealed.
    expect(withoutRequestId(response.body)).toEqual(withoutRequestId(missing.body));
  }

  describe('scope', () => {
    it('keeps a ticket from whoever has no relation to it: detail, photos, lists and actions', async () => {
      const cast = await createHazardCast(app);
      const { ticket } = await client.report(cast.reporter, cast.units.workplaceA1a.id);
      const photoUrl: string = ticket.photos[0].url;
      const missing = await client.get(cast.users.officerA1, '999999999');

      const outsiders = [
        cast.colleague, // another worker of the same enterprise
        cast.users.workerB1,
        cast.users.officerA2, // officer of another enterprise under the same city
        cast.users.officerB1,
        cast.users.staffCityB, // the union of another city
        cast.users.adminProvince, // the operator: no hazard work
        cast.users.nobody,
      ];
      for (const outsider of outsiders) {
        expectNotFound(await client.get(outsider, ticket.id), missing);
        const photo = await client.photo(outsider, photoUrl);
        expect(photo.status).toBe(404);
        expect(((await photo.json()) as { code: string }).code).toBe(CommonErrorCode.NotFound);
        expectNotFound(await client.act(outsider, ticket.id, 'reject', { reason: '越权' }), missing);
        expect(ids(await client.mine(outsider))).not.toContain(ticket.id);
      }
      for (const officer of [cast.users.officerA2, cast.users.officerB1, cast.users.staffCityB]) {
        for (const view of ['queue', 'all']) {
          expect(ids(await client.list(officer, `?view=${view}&limit=100`))).not.toContain(ticket.id);
        }
      }
      // A photo of the ticket under another ticket's id is not found either.
      const other = await client.report(cast.users.workerB1, cast.units.workplaceB1a.id);
      const crossed = await client.photo(
        cast.users.officerB1,
        `/api/v1/hazards/${other.ticket.id}/photos/${ticket.photos[0].id}`,
      );
      expect(crossed.status).toBe(404);

      // Those related to it see it: the reporter, the enterprise's officer, union staff at every level above.
      for (const related of [
        cast.reporter,
        cast.users.officerA1,
        cast.users.staffCountyA,
        cast.users.staffCityA,
        cast.users.staffProvince,
      ]) {
        expect((await client.get(related, ticket.id)).status).toBe(200);
        const photo = await client.photo(related, photoUrl);
        expect(photo.status).toBe(200);
        expect(photo.headers.get('content-type')).toBe('image/jpeg');
        expect(photo.headers.get('cache-control')).toContain('private');
        const thumbnail = await client.photo(related, ticket.photos[0].thumbnailUrl);
        expect(thumbnail.status).toBe(200);
      }
      for (const staff of [cast.users.officerA1, cast.users.staffCityA]) {
        expect(ids(await client.list(staff, '?limit=100'))).toContain(ticket.id);
      }
    });

    it('lets the responsible person see the ticket they were given, and not before', async () => {
      const cast = await createHazardCast(app);
      const { ticket } = await client.report(cast.reporter, cast.units.workplaceA1a.id);
      expect((await client.get(cast.assignee, ticket.id)).status).toBe(404);
      await client.acted(cast.users.officerA1, ticket.id, 'triage', client.triageBody(cast.assignee));
      expect((await client.get(cast.assignee, ticket.id)).status).toBe(200);
      expect((await client.photo(cast.assignee, ticket.photos[0].url)).status).toBe(200);
    });

    it('refuses the staff lists to those without hazard work, and supervision to officers', async () => {
      const cast = await createHazardCast(app);
      for (const person of [cast.reporter, cast.users.adminProvince, cast.users.nobody]) {
        const refused = await client.list(person);
        expect(refused.status).toBe(403);
        expectErrorShape(refused.body, AuthErrorCode.Forbidden);
      }
      const supervision = await client.list(cast.users.officerA1, '?view=supervision');
      expect(supervision.status).toBe(403);
      expectErrorShape(supervision.body, AuthErrorCode.Forbidden);
      expect((await client.list(cast.users.staffCityA, '?view=supervision')).status).toBe(200);
    });

    it('answers an id that is not an id as bad input, and an unknown id as not found', async () => {
      const cast = await createHazardCast(app);
      for (const id of ['abc', '0', '-1', '1.5', '12345678901']) {
        const response = await client.get(cast.users.officerA1, id);
        expect(response.status).toBe(400);
        expectErrorShape(response.body, CommonErrorCode.ValidationFailed);
      }
      expect((await client.get(cast.users.officerA1, '999999999')).status).toBe(404);
    });
  });

  describe('anonymity', () => {
    it('never shows an anonymous reporter, to anyone, anywhere', async () => {
      const cast = await createHazardCast(app);
      const whistleblower = await distinctivePerson(cast, '匿名举报人');
      const officer = cast.users.officerA1;
      const staff = cast.users.staffCityA;
      const bodies: unknown[] = [];
      const keep = (response: Answer) => {
        bodies.push(response.body);
        return response;
      };

      const report = keep(
        await client.sendReport(
          whistleblower,
          await client.reportBody(whistleblower, cast.units.workplaceA1a.id, {
            reporterVisibility: ReporterVisibility.Anonymous,
            description: '班组长违章指挥，要求无证人员操作起重机',
          }),
        ),
      );
      expect(report.status).toBe(201);
      const id: string = report.body.ticket.id;
      expect(report.body.followToken).toEqual(expect.stringMatching(/^[A-Za-z0-9_-]{43}$/));
      expect(report.body.ticket).toMatchObject({ reporter: null, reporterVisibility: ReporterVisibility.Anonymous });

      // The whole life of the ticket, seen by everyone related to it.
      keep(await client.act(officer, id, 'triage', client.majorTriageBody(cast.assignee)));
      keep(await client.act(cast.assignee, id, 'start'));
      keep(await client.act(cast.assignee, id, 'submit-fix', await client.fixBody(cast.assignee)));
      keep(await client.act(staff, id, 'authority-report', { department: '县应急管理局', reportedOn: chinaDay(-1) }));
      keep(await client.act(officer, id, 'pass', {}));
      for (const viewer of [officer, staff, cast.users.staffProvince, cast.assignee, whistleblower]) {
        keep(await client.get(viewer, id));
        keep(await client.mine(viewer));
        keep(await inbox(viewer));
      }
      for (const viewer of [officer, staff]) {
        for (const view of ['queue', 'all']) keep(await client.list(viewer, `?view=${view}&limit=100`));
      }
      keep(await client.list(staff, '?view=supervision&limit=100'));
      keep(await client.follow(report.body.followToken));

      const found = bodies
        .flatMap(stringsIn)
        .filter((text) => text.includes(String(whistleblower.id)) || text.includes(whistleblower.displayName));
      expect(found).toEqual([]);
      // The reporter's own detail is not theirs to see again: they follow with the token.
      expect((await client.get(whistleblower, id)).status).toBe(404);
      const follow = await client.follow(report.body.followToken);
      expect(follow.body).toMatchObject({ code: report.body.ticket.code, state: 'closed' });

      // Nor is the reporter stored: not on the ticket, not as the report's actor, not as the photos' uploader.
      const stored = await app.dataSource.getRepository(HazardTicket).findOneByOrFail({ id: Number(id) });
      expect(stored.reporterUserId).toBeNull();
      expect(stored.followTokenHash).not.toBe(report.body.followToken);
      const events = await app.dataSource.getRepository(TicketEvent).findBy({ ticketId: Number(id) });
      expect(events.map((event) => event.actorUserId)).not.toContain(whistleblower.id);
      const photos = await app.dataSource.getRepository(HazardPhoto).findBy({ ticketId: Number(id) });
      expect(photos.map((photo) => photo.uploadedBy)).not.toContain(whistleblower.id);
    });

    it('hides a hidden reporter from every enterprise role, but not from union staff or themself', async () => {
      const cast = await createHazardCast(app);
      const reporter = await distinctivePerson(cast, '对企业隐藏的职工');
      const officer = cast.users.officerA1;
      const enterpriseBodies: unknown[] = [];
      const keep = (response: Answer) => {
        enterpriseBodies.push(response.body);
        return response;
      };
      const { ticket } = await client.report(reporter, cast.units.workplaceA1a.id, {
        reporterVisibility: ReporterVisibility.HiddenFromEnterprise,
      });
      expect(ticket.reporter).toEqual({ id: String(reporter.id), displayName: reporter.displayName });

      keep(await client.get(officer, ticket.id));
      keep(
        await client.act(
          officer,
          ticket.id,
          'triage',
          client.triageBody(cast.assignee, { grade: HazardGrade.General }),
        ),
      );
      keep(await client.get(cast.assignee, ticket.id));
      keep(await client.act(cast.assignee, ticket.id, 'start'));
      keep(await client.act(cast.assignee, ticket.id, 'submit-fix', await client.fixBody(cast.assignee)));
      keep(await client.act(officer, ticket.id, 'pass', {}));
      for (const person of [officer, cast.assignee]) {
        keep(await client.get(person, ticket.id));
        keep(await inbox(person));
      }
      for (const view of ['queue', 'all']) keep(await client.list(officer, `?view=${view}&limit=100`));

      const found = enterpriseBodies
        .flatMap(stringsIn)
        .filter((text) => text.includes(String(reporter.id)) || text.includes(reporter.displayName));
      expect(found).toEqual([]);
      const officerView = (await client.get(officer, ticket.id)).body;
      expect(officerView.reporter).toBeNull();
      expect(officerView.events[0]).toMatchObject({ action: 'report', actor: null });

      // Union staff over the ticket and the reporter see who reported it.
      for (const viewer of [cast.users.staffCountyA, reporter]) {
        const view = (await client.get(viewer, ticket.id)).body;
        expect(view.reporter).toEqual({ id: String(reporter.id), displayName: reporter.displayName });
        expect(view.events[0].actor).toEqual({ id: String(reporter.id), displayName: reporter.displayName });
      }
    });

    it('shows the follow view to the token only, with no one named in it', async () => {
      const cast = await createHazardCast(app);
      const { ticket, followToken } = await client.report(cast.reporter, cast.units.workplaceA1a.id, {
        reporterVisibility: ReporterVisibility.Anonymous,
      });
      await client.acted(cast.users.officerA1, ticket.id, 'triage', client.triageBody(cast.assignee));

      const view = await client.follow(followToken);
      expect(view.status).toBe(200);
      expect(view.body).toEqual({
        code: ticket.code,
        state: 'assigned',
        category: ticket.category,
        workplace: { name: cast.units.workplaceA1a.name },
        enterprise: { name: cast.units.enterpriseA1.name },
        deadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        events: [
          { action: 'report', toState: 'submitted', createdAt: expect.any(String) },
          { action: 'triage', toState: 'assigned', createdAt: expect.any(String) },
        ],
        createdAt: ticket.createdAt,
        closedAt: null,
      });
      const text = JSON.stringify(view.body);
      for (const person of [cast.assignee, cast.users.officerA1]) expect(text).not.toContain(person.displayName);

      const tampered = `${followToken.slice(0, -1)}${followToken.endsWith('A') ? 'B' : 'A'}`;
      for (const token of [tampered, 'not-a-token', followToken.slice(0, 20)]) {
        const refused = await client.follow(token);
        expect(refused.status).toBe(404);
        expectErrorShape(refused.body, 'HAZARD_FOLLOW_TOKEN_INVALID');
      }
      // Named reports have no token at all.
      const named = await client.report(cast.reporter, cast.units.workplaceA1a.id);
      expect(named.followToken).toBeNull();
    });
  });
});

// The limit lives in the app, not the database: one backend is enough, and its own app leaves the others alone.
describe('the follow view under a low rate limit', () => {
  let limited: HazardsTestApp;

  beforeAll(async () => {
    limited = await startHazardsApp('sqlite', { LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
  });

  afterAll(async () => {
    await limited?.dispose();
  });

  it('is throttled like login, so tokens cannot be guessed at speed', async () => {
    const follow = () => request('GET', `${limited.baseUrl}/hazards/follow/${'A'.repeat(43)}`);
    const answers = [];
    for (let attempt = 0; attempt < 4; attempt += 1) answers.push(await follow());
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 429]);
    expectErrorShape(answers[3].body, CommonErrorCode.RateLimited);
  });
});
