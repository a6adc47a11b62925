import { randomUUID } from 'node:crypto';
import {
  CommonErrorCode,
  chinaDateOf,
  HAZARD_DESCRIPTION_MAX_LENGTH,
  HazardCategory,
  HazardErrorCode,
  HazardState,
  ReporterVisibility,
  THREE_VIOLATIONS,
} from '@ankang/shared';
import { HazardTicket } from '../src/hazards/hazard-ticket.entity';
import { HazardPhoto } from '../src/hazards/photos/hazard-photo.entity';
import { TicketEvent } from '../src/hazards/ticket-event.entity';
import { createUser } from './factories/org.factory';
import {
  createHazardCast,
  type HazardCast,
  HazardsClient,
  type HazardsTestApp,
  useHazardsApp,
  withoutRequestId,
} from './hazards-support';
import { testBackends } from './support/backends';
import { expectErrorShape } from './support/http';

const TEXT_CHECK_PATH = '/wxa/msg_sec_check';

describe.each(testBackends())('reporting a hazard on %s', (backend) => {
  let app: HazardsTestApp;
  let client: HazardsClient;

  useHazardsApp(backend, (started, startedClient) => {
    app = started;
    client = startedClient;
  });

  const ticketsWithKey = (clientKey: string) => app.dataSource.getRepository(HazardTicket).findBy({ clientKey });
  const reportEventOf = async (ticketId: string) =>
    app.dataSource.getRepository(TicketEvent).findOneByOrFail({ ticketId: Number(ticketId), action: 'report' });
  const photoRow = (id: string) => app.dataSource.getRepository(HazardPhoto).findOneByOrFail({ id: Number(id) });

  /** A worker of A1 who opened the mini program through WeChat (so the content check applies to them). */
  async function wechatWorker(cast: HazardCast) {
    return createUser(app.dataSource, {
      displayName: `微信职工-${cast.suffix}`,
      openId: app.wechat.openIdFor(`worker-${randomUUID().slice(0, 8)}`),
      enterpriseId: cast.units.enterpriseA1.id,
    });
  }

  describe('the form', () => {
    it('files every category, 三违 included, with the workplace’s industry and a code of the China day', async () => {
      const cast = await createHazardCast(app);
      for (const category of Object.values(HazardCategory)) {
        const { ticket } = await client.report(cast.reporter, cast.units.workplaceA1a.id, { category });
        expect(ticket).toMatchObject({
          category,
          state: HazardState.Submitted,
          industry: cast.units.workplaceA1a.industry,
          workplace: { id: String(cast.units.workplaceA1a.id), name: cast.units.workplaceA1a.name },
          enterprise: { id: String(cast.units.enterpriseA1.id), name: cast.units.enterpriseA1.name },
          locationNote: '东侧 3 号护栏',
          code: expect.stringMatching(new RegExp(`^HZ-${chinaDateOf(new Date()).replaceAll('-', '')}-\\d{4}$`)),
        });
      }
      expect(THREE_VIOLATIONS.every((category) => Object.values(HazardCategory).includes(category))).toBe(true);
    });

    it.each(Object.values(ReporterVisibility))(
      'answers a %s report with exactly the ticket a later reading shows its reporter',
      async (reporterVisibility) => {
        const cast = await createHazardCast(app);
        const { ticket } = await client.report(cast.reporter, cast.units.workplaceA1a.id, { reporterVisibility });
        if (reporterVisibility === ReporterVisibility.Anonymous) {
          // An anonymous reporter is nobody to the ticket afterwards: it is theirs only through the follow token.
          expect((await client.get(cast.reporter, ticket.id)).status).toBe(404);
          return;
        }
        const read = await client.get(cast.reporter, ticket.id);
        expect(read.status).toBe(200);
        expect(ticket).toEqual(read.body);
      },
    );

    it('trims the text and keeps line breaks; a blank location note is none', async () => {
      const cast = await createHazardCast(app);
      const { ticket } = await client.report(cast.reporter, cast.units.workplaceA1a.id, {
        description: '  护栏松动\r\n有坠落风险  ',
        locationNote: '   ',
      });
      expect(ticket.description).toBe('护栏松动\n有坠落风险');
      expect(ticket.locationNote).toBeNull();
    });

    it.each([
      ['an empty description', { description: '   ' }, 'description'],
      [
        'a description over 500 characters',
        { description: '隐'.repeat(HAZARD_DESCRIPTION_MAX_LENGTH + 1) },
        'description',
      ],
      ['control characters', { description: '护栏\u0000松动' }, 'description'],
      ['a location note over 100 characters', { locationNote: '东'.repeat(101) }, 'locationNote'],
      ['an unknown category', { category: 'rumour' }, 'category'],
      ['an unknown visibility', { reporterVisibility: 'secret' }, 'reporterVisibility'],
      ['a client key that is no UUID', { clientKey: 'retry-1' }, 'clientKey'],
      ['a workplace id that is no id', { workplaceId: 'A1' }, 'workplaceId'],
      ['a photo id that is no id', { photoIds: ['x'] }, 'photoIds'],
      ['a photo named twice', { photoIds: ['7', '7'] }, 'photoIds'],
      ['an unknown field', { reporterId: '1' }, 'reporterId'],
    ])('refuses %s with the field named', async (_case, overrides, field) => {
      const cast = await createHazardCast(app);
      const response = await client.sendReport(
        cast.reporter,
        await client.reportBody(cast.reporter, cast.units.workplaceA1a.id, overrides),
      );
      expect(response.status).toBe(400);
      expectErrorShape(response.body, CommonErrorCode.ValidationFailed);
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
    });

    it('takes exactly 500 characters, counting an emoji as one', async () => {
      const cast = await createHazardCast(app);
      const description = `${'隐'.repeat(HAZARD_DESCRIPTION_MAX_LENGTH - 1)}🔥`;
      const { ticket } = await client.report(cast.reporter, cast.units.workplaceA1a.id, { description });
      expect(ticket.description).toBe(description);
    });

    it('needs 1 to 9 report photos of the reporter’s own', async () => {
      const cast = await createHazardCast(app);
      const workplace = cast.units.workplaceA1a.id;
      const none = await client.sendReport(
        cast.reporter,
        await client.reportBody(cast.reporter, workplace, { photoIds: [] }),
      );
      expect(none.status).toBe(400);
      expectErrorShape(none.body, HazardErrorCode.PhotosRequired);
      const ten = await Promise.all(Array.from({ length: 10 }, () => client.uploadPhoto(cast.reporter)));
      const tooMany = await client.sendReport(
        cast.reporter,
        await client.reportBody(cast.reporter, workplace, { photoIds: ten }),
      );
      expectErrorShape(tooMany.body, HazardErrorCode.PhotosRequired);

      const someoneElses = await client.uploadPhoto(cast.colleague);
      const refused = await client.sendReport(
        cast.reporter,
        await client.reportBody(cast.reporter, workplace, { photoIds: [someoneElses] }),
      );
      expect(refused.status).toBe(400);
      expectErrorShape(refused.body, HazardErrorCode.PhotoNotUsable);
      // Nothing half-written: no ticket, the photo still free.
      expect(await app.dataSource.getRepository(HazardTicket).countBy({ reporterUserId: cast.reporter.id })).toBe(0);
      expect((await photoRow(someoneElses)).ticketId).toBeNull();

      const nine = await client.report(cast.reporter, workplace, { photoIds: ten.slice(0, 9) });
      expect(nine.ticket.photos).toHaveLength(9);
      // A photo a ticket has taken cannot go to another.
      const reused = await client.sendReport(
        cast.reporter,
        await client.reportBody(cast.reporter, workplace, { photoIds: [ten[0]] }),
      );
      expectErrorShape(reused.body, HazardErrorCode.PhotoNotUsable);
    });
  });

  describe('the content check', () => {
    it('sends the description to WeChat (scene 3, the reporter’s openid) and refuses a risky one', async () => {
      const cast = await createHazardCast(app);
      const worker = await wechatWorker(cast);
      const before = app.wechat.requestCount(TEXT_CHECK_PATH);
      const body = await client.reportBody(worker, cast.units.workplaceA1a.id, { description: '现场有违禁词' });
      const refused = await client.sendReport(worker, body);
      expect(refused.status).toBe(400);
      expectErrorShape(refused.body, HazardErrorCode.ContentRisky);
      expect(app.wechat.requestCount(TEXT_CHECK_PATH)).toBe(before + 1);
      expect(app.wechat.requests(TEXT_CHECK_PATH).at(-1)?.body).toMatchObject({
        content: '现场有违禁词',
        scene: 3,
        openid: worker.openId,
        version: 2,
      });
      expect(await ticketsWithKey(body.clientKey)).toEqual([]);
      expect((await photoRow(body.photoIds[0])).ticketId).toBeNull();
    });

    it('accepts a report WeChat wants reviewed, and says so in the audit trail', async () => {
      const cast = await createHazardCast(app);
      const worker = await wechatWorker(cast);
      const { ticket } = await client.report(worker, cast.units.workplaceA1a.id, { description: '请 [review] 这条' });
      const payload = JSON.parse((await reportEventOf(ticket.id)).payload ?? '{}');
      expect(payload.contentCheck).toEqual({ result: 'review', traceId: expect.any(String) });

      // WeChat's trace id would lead back to the openid: an anonymous report keeps none.
      const anonymous = await client.report(worker, cast.units.workplaceA1a.id, {
        description: '请 [review] 这条',
        reporterVisibility: ReporterVisibility.Anonymous,
      });
      const anonymousPayload = JSON.parse((await reportEventOf(anonymous.ticket.id)).payload ?? '{}');
      expect(anonymousPayload.contentCheck).toEqual({ result: 'review', traceId: null });
    });

    it('never loses a report to a WeChat outage: it is accepted unchecked, and noted', async () => {
      const cast = await createHazardCast(app);
      const worker = await wechatWorker(cast);
      app.wechat.injectFault({ kind: 'busy', count: 10, path: TEXT_CHECK_PATH });
      try {
        const { ticket } = await client.report(worker, cast.units.workplaceA1a.id);
        expect(ticket.state).toBe(HazardState.Submitted);
        const payload = JSON.parse((await reportEventOf(ticket.id)).payload ?? '{}');
        expect(payload.contentCheck).toEqual({ result: 'unavailable', reason: 'WechatUnavailableError' });
      } finally {
        app.wechat.reset();
      }
    });

    it('skips the check for a person WeChat does not know (no openid)', async () => {
      const cast = await createHazardCast(app);
      const before = app.wechat.requestCount(TEXT_CHECK_PATH);
      const { ticket } = await client.report(cast.reporter, cast.units.workplaceA1a.id, {
        description: '现场有违禁词',
      });
      expect(app.wechat.requestCount(TEXT_CHECK_PATH)).toBe(before);
      expect(JSON.parse((await reportEventOf(ticket.id)).payload ?? '{}').contentCheck).toEqual({
        result: 'skipped',
        reason: 'no-openid',
      });
    });
  });

  describe('a retry', () => {
    it.each([ReporterVisibility.Named, ReporterVisibility.Anonymous])(
      'with the same client key three times in a row makes one %s ticket and the same answer',
      async (reporterVisibility) => {
        const cast = await createHazardCast(app);
        const body = await client.reportBody(cast.reporter, cast.units.workplaceA1a.id, { reporterVisibility });
        const answers = [];
        for (let attempt = 0; attempt < 3; attempt += 1) answers.push(await client.sendReport(cast.reporter, body));
        expect(answers.map((answer) => answer.status)).toEqual([201, 200, 200]);
        expect(withoutRequestId(answers[1].body)).toEqual(withoutRequestId(answers[0].body));
        expect(withoutRequestId(answers[2].body)).toEqual(withoutRequestId(answers[0].body));
        expect(await ticketsWithKey(body.clientKey)).toHaveLength(1);
        if (reporterVisibility === ReporterVisibility.Anonymous) {
          expect(answers[0].body.followToken).toEqual(expect.any(String));
        }
      },
    );

    it.each([ReporterVisibility.Named, ReporterVisibility.Anonymous])(
      'with the same client key three times at once makes one %s ticket and the same answer',
      async (reporterVisibility) => {
        const cast = await createHazardCast(app);
        const body = await client.reportBody(cast.reporter, cast.units.workplaceA1a.id, { reporterVisibility });
        const answers = await Promise.all([1, 2, 3].map(() => client.sendReport(cast.reporter, body)));
        expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 201]);
        for (const answer of answers) expect(withoutRequestId(answer.body)).toEqual(withoutRequestId(answers[0].body));
        const tickets = await ticketsWithKey(body.clientKey);
        expect(tickets).toHaveLength(1);
        expect(await app.dataSource.getRepository(TicketEvent).countBy({ ticketId: tickets[0].id })).toBe(1);
      },
    );

    it('makes one ticket even when all three get past the first lookup before any is written', async () => {
      const cast = await createHazardCast(app);
      const worker = await wechatWorker(cast);
      // The content check holds each attempt between its lookup of the key and its transaction.
      app.wechat.injectFault({ kind: 'latency', ms: 300, count: 3, path: TEXT_CHECK_PATH });
      try {
        const body = await client.reportBody(worker, cast.units.workplaceA1a.id);
        const answeredChecks = () => app.wechat.requests(TEXT_CHECK_PATH).filter((call) => call.errcode === 0).length;
        const checksBefore = answeredChecks();
        const answers = await Promise.all([1, 2, 3].map(() => client.sendReport(worker, body)));
        expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 201]);
        for (const answer of answers) expect(withoutRequestId(answer.body)).toEqual(withoutRequestId(answers[0].body));
        expect(await ticketsWithKey(body.clientKey)).toHaveLength(1);
        // All three were checked, so none of them was answered by the first lookup.
        expect(answeredChecks() - checksBefore).toBe(3);
      } finally {
        app.wechat.reset();
      }
    });

    it('answers the first ticket even when the key comes back in capitals', async () => {
      const cast = await createHazardCast(app);
      const body = await client.reportBody(cast.reporter, cast.units.workplaceA1a.id);
      const first = await client.sendReport(cast.reporter, body);
      const shouted = await client.sendReport(cast.reporter, { ...body, clientKey: body.clientKey.toUpperCase() });
      expect(shouted.status).toBe(200);
      expect(shouted.body.ticket.id).toBe(first.body.ticket.id);
    });

    it('refuses a key already used for a different report, showing nothing of it', async () => {
      const cast = await createHazardCast(app);
      const body = await client.reportBody(cast.reporter, cast.units.workplaceA1a.id);
      await client.sendReport(cast.reporter, body);
      for (const [who, changed] of [
        [cast.reporter, { workplaceId: String(cast.units.workplaceA1b.id) }],
        [cast.reporter, { reporterVisibility: ReporterVisibility.Anonymous }],
        [cast.colleague, {}],
      ] as const) {
        const refused = await client.sendReport(who, { ...body, ...changed });
        expect(refused.status).toBe(400);
        expectErrorShape(refused.body, CommonErrorCode.ValidationFailed);
        expect(refused.body.details).toEqual([{ field: 'clientKey', message: expect.any(String) }]);
      }
    });
  });

  describe('ticket codes', () => {
    afterEach(() => {
      jest.useRealTimers();
    });

    /** Only the clock is faked: timers, I/O and the database run as ever. */
    function clockAt(instant: string): void {
      jest.useFakeTimers({
        doNotFake: [
          'hrtime',
          'nextTick',
          'performance',
          'queueMicrotask',
          'requestAnimationFrame',
          'cancelAnimationFrame',
          'requestIdleCallback',
          'cancelIdleCallback',
          'setImmediate',
          'clearImmediate',
          'setInterval',
          'clearInterval',
          'setTimeout',
          'clearTimeout',
        ],
        now: new Date(instant),
      });
    }

    it('numbers each China day from 0001: 23:30 UTC already belongs to the next day', async () => {
      const cast = await createHazardCast(app);
      const codeAt = async (instant: string) => {
        clockAt(instant);
        return (await client.report(cast.reporter, cast.units.workplaceA1a.id)).ticket.code as string;
      };
      // Days of their own in 2031, so no other report of this run shares their counters.
      expect(await codeAt('2031-03-01T15:59:59.000Z')).toBe('HZ-20310301-0001');
      expect(await codeAt('2031-03-01T23:30:00.000Z')).toBe('HZ-20310302-0001');
      expect(await codeAt('2031-03-01T16:00:00.000Z')).toBe('HZ-20310302-0002');
      expect(await codeAt('2031-03-02T15:00:00.000Z')).toBe('HZ-20310302-0003');
      expect(await codeAt('2031-03-02T16:00:00.000Z')).toBe('HZ-20310303-0001');
    });

    it('gives reports made at the same moment distinct, consecutive numbers', async () => {
      const cast = await createHazardCast(app);
      clockAt('2031-06-15T02:00:00.000Z');
      const bodies = await Promise.all(
        Array.from({ length: 8 }, () => client.reportBody(cast.reporter, cast.units.workplaceA1a.id)),
      );
      const answers = await Promise.all(bodies.map((body) => client.sendReport(cast.reporter, body)));
      expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(201));
      const codes = answers.map((answer) => answer.body.ticket.code as string).sort();
      expect(codes).toEqual(Array.from({ length: 8 }, (_, index) => `HZ-20310615-000${index + 1}`));
    });
  });
});
