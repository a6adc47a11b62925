import { type FakeWechat, startFakeWechat } from './fake-wechat';
import { accessToken, getJson, postJson, stableToken } from './fake-wechat.spec-helpers';
import { connectFakeWechat } from './fake-wechat-remote';
import { seededRandom } from './faults';

const sendPath = '/cgi-bin/message/subscribe/send';
const tokenPath = '/cgi-bin/stable_token';

describe('probabilistic faults, subscribe accounting and the capped request log', () => {
  let fake: FakeWechat;
  let token: string;

  beforeAll(async () => {
    fake = await startFakeWechat();
  });

  afterAll(async () => {
    await fake.close();
  });

  beforeEach(async () => {
    fake.reset();
    token = await accessToken(fake);
  });

  const send = (touser: string, thing = '通知', page = 'pages/notice/detail?id=1') =>
    postJson(
      fake,
      sendPath,
      { touser, template_id: 'tmpl-notice', page, data: { thing1: { value: thing } } },
      { access_token: token },
    );
  const errcodesOf = async (calls: number) => {
    const answers: number[] = [];
    for (let index = 0; index < calls; index += 1) answers.push((await send(`user${index}`)).body.errcode);
    return answers;
  };

  describe('probability', () => {
    it('answers a share of the matching calls, the same ones for the same seed, until reset', async () => {
      fake.configure({ faultSeed: 42 });
      fake.injectFault({ kind: 'busy', probability: 0.3, path: sendPath });
      const first = await errcodesOf(200);
      const busy = first.filter((errcode) => errcode === -1).length;
      // 60 expected; a seeded generator keeps it well inside these bounds.
      expect(busy).toBeGreaterThan(35);
      expect(busy).toBeLessThan(85);
      expect(first.filter((errcode) => errcode !== -1).every((errcode) => errcode === 0)).toBe(true);
      expect(fake.snapshot().faults).toEqual([{ kind: 'busy', probability: 0.3, path: sendPath, remaining: null }]);

      fake.reset();
      token = await accessToken(fake);
      expect(await errcodesOf(5)).toEqual([0, 0, 0, 0, 0]);

      fake.configure({ faultSeed: 42 });
      fake.injectFault({ kind: 'busy', probability: 0.3, path: sendPath });
      expect(await errcodesOf(200)).toEqual(first);
    });

    it('draws each errcode fault in turn: 1 always, 0 never, other paths untouched', async () => {
      fake.injectFault([
        { kind: 'errcode', errcode: 43101, probability: 0, path: sendPath },
        { kind: 'errcode', errcode: 45009, probability: 1, path: sendPath },
      ]);
      expect(await errcodesOf(10)).toEqual(Array(10).fill(45009));
      expect((await stableToken(fake)).body.access_token).toEqual(expect.any(String));
    });

    it('is deterministic for a seed', () => {
      const first = seededRandom(7);
      const second = seededRandom(7);
      const draws = Array.from({ length: 5 }, () => first());
      expect(Array.from({ length: 5 }, () => second())).toEqual(draws);
      expect(draws.every((draw) => draw >= 0 && draw < 1)).toBe(true);
      expect(seededRandom(8)()).not.toBe(draws[0]);
    });

    it.each([
      [{ kind: 'busy', probability: 1.5 }, 'probability must be a number from 0 to 1'],
      [{ kind: 'busy', probability: 0.5, count: 2 }, 'a count or a probability'],
      [{ kind: 'latency', ms: 5, probability: 0.5 }, 'only busy and errcode'],
    ])('refuses %j', async (fault, message) => {
      const reply = await postJson(fake, '/__fake/faults', fault);
      expect(reply.status).toBe(400);
      expect(reply.body.error).toContain(message);
    });

    it('takes the seed through POST /__fake/config and refuses one that is not an integer', async () => {
      expect((await postJson(fake, '/__fake/config', { faultSeed: 20261130 })).status).toBe(200);
      expect(fake.snapshot().settings.faultSeed).toBe(20261130);
      expect((await postJson(fake, '/__fake/config', { faultSeed: 'x' })).status).toBe(400);
    });
  });

  describe('GET /__fake/subscribe-counts', () => {
    it('counts calls, accepted, distinct accepted messages and duplicates', async () => {
      fake.injectFault({ kind: 'errcode', errcode: 43101, count: 1, path: sendPath });
      expect((await send('alice')).body.errcode).toBe(43101);
      await send('alice');
      await send('alice');
      await send('bob');
      // Another page or other data is another message.
      await send('bob', '通知', 'pages/notice/detail?id=2');
      await send('bob', '另一条');
      // Refused by the endpoint's own checks: a thing over 20 characters.
      expect((await send('carol', '一'.repeat(21))).body.errcode).toBe(47003);

      const counts = { calls: 7, accepted: 5, distinct: 4, duplicates: 1, errcodes: { '43101': 1, '47003': 1 } };
      expect(fake.subscribeCounts()).toEqual(counts);
      expect((await getJson(fake, '/__fake/subscribe-counts')).body).toEqual(counts);
      expect(await connectFakeWechat(fake.url).subscribeCounts()).toEqual(counts);
    });

    it('starts from nothing after a reset', async () => {
      await send('alice');
      fake.reset();
      expect(fake.subscribeCounts()).toEqual({ calls: 0, accepted: 0, distinct: 0, duplicates: 0, errcodes: {} });
    });
  });

  describe('request log', () => {
    it('keeps none with requestLogLimit 0, while the counts go on', async () => {
      await postJson(fake, '/__fake/config', { requestLogLimit: 0 });
      await errcodesOf(20);
      expect(fake.requestCount()).toBe(0);
      expect(fake.subscribeCounts()).toEqual(expect.objectContaining({ calls: 20, accepted: 20, distinct: 20 }));
    });

    it('keeps the latest calls up to the limit', async () => {
      fake.configure({ requestLogLimit: 3 });
      await errcodesOf(10);
      const kept = fake.requests(sendPath);
      expect(kept).toHaveLength(3);
      expect(kept.map((call) => (call.body as { touser: string }).touser)).toEqual(['user7', 'user8', 'user9']);
      expect((await getJson(fake, '/__fake/requests')).body.count).toBe(3);
    });

    it('leaves bodies out with recordBodies false', async () => {
      await postJson(fake, '/__fake/config', { recordBodies: false });
      await send('alice');
      expect(fake.requests(sendPath)).toEqual([expect.objectContaining({ body: null, errcode: 0 })]);
      expect(fake.subscribeCounts().distinct).toBe(1);
    });

    it('refuses a limit that is not a count', async () => {
      expect((await postJson(fake, '/__fake/config', { requestLogLimit: -1 })).status).toBe(400);
      expect((await postJson(fake, '/__fake/config', { recordBodies: 'no' })).status).toBe(400);
      // The token call of beforeEach is still in the log.
      expect(fake.requestCount(tokenPath)).toBe(1);
    });
  });
});
