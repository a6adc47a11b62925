import { type FakeWechat, startFakeWechat } from './fake-wechat';
import { codeToSession, getJson, postJson } from './fake-wechat.spec-helpers';

describe('GET /sns/jscode2session', () => {
  let fake: FakeWechat;

  beforeAll(async () => {
    fake = await startFakeWechat();
  });

  afterAll(async () => {
    await fake.close();
  });

  beforeEach(() => fake.reset());

  it('logs user:<name> in with an openid derived from the name and a fresh session key', async () => {
    const reply = await codeToSession(fake, 'user:alice');

    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ openid: fake.openIdFor('alice'), session_key: expect.any(String) });
    expect(reply.body.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(Buffer.from(reply.body.session_key, 'base64')).toHaveLength(16);
  });

  it('gives the same openid for the same name whatever the nonce, and different ones for other names', async () => {
    const first = await codeToSession(fake, 'user:alice:1');
    const second = await codeToSession(fake, 'user:alice:2');
    const other = await codeToSession(fake, 'user:bob');

    expect(second.body.openid).toBe(first.body.openid);
    expect(second.body.session_key).not.toBe(first.body.session_key);
    expect(other.body.openid).not.toBe(first.body.openid);
  });

  it('derives openids per appid, as WeChat does', async () => {
    const otherApp = await startFakeWechat({ appId: 'wx00000000000000b2' });
    try {
      const reply = await codeToSession(otherApp, 'user:alice');
      expect(reply.body.openid).toBe(otherApp.openIdFor('alice'));
      expect(reply.body.openid).not.toBe(fake.openIdFor('alice'));
    } finally {
      await otherApp.close();
    }
  });

  it('adds a unionid for union:<name>', async () => {
    const reply = await codeToSession(fake, 'union:carol');

    expect(reply.body).toEqual({
      openid: fake.openIdFor('carol'),
      unionid: fake.unionIdFor('carol'),
      session_key: expect.any(String),
    });
  });

  it('spends a successful code: the same code again answers 40163', async () => {
    await codeToSession(fake, 'user:alice');
    const again = await codeToSession(fake, 'user:alice');

    expect(again.body).toEqual({ errcode: 40163, errmsg: expect.stringMatching(/^code been used rid: /) });
  });

  it('logs any other code (a real DevTools code) in as the one developer user', async () => {
    const first = await codeToSession(fake, '0c3Xyz1w3QNqWc3Ykb0w3LmG6U1Xyz1s');
    const second = await codeToSession(fake, '0a1Abc2w3QNqWc3Ykb0w3LmG6U1Abc2t');

    expect(first.body.openid).toBe(fake.defaultOpenId);
    expect(second.body.openid).toBe(fake.defaultOpenId);
    expect(fake.defaultOpenId).toBe(fake.openIdFor('developer'));
  });

  it.each([
    ['invalid', 40029],
    ['invalid:expired', 40029],
    ['used:1', 40163],
    ['ratelimit', 45011],
    ['risky:user', 40226],
    ['busy', -1],
  ])('answers %s with errcode %i', async (code, errcode) => {
    const reply = await codeToSession(fake, code);

    expect(reply.status).toBe(200);
    expect(reply.body.errcode).toBe(errcode);
    expect(typeof reply.body.errmsg).toBe('string');
    expect(reply.body.openid).toBeUndefined();
  });

  it('does not spend a code that failed, so a busy code keeps answering -1', async () => {
    await codeToSession(fake, 'busy:1');
    const again = await codeToSession(fake, 'busy:1');

    expect(again.body.errcode).toBe(-1);
  });

  it('answers 40029 for user: without a name', async () => {
    expect((await codeToSession(fake, 'user:')).body.errcode).toBe(40029);
  });

  it.each([
    ['a wrong appid', { appid: 'wx0000000000000bad' }, 40013],
    ['a wrong secret', { secret: 'wrong' }, 40125],
    ['a wrong grant_type', { grant_type: 'client_credential' }, 40002],
    ['no js_code', { js_code: '' }, 41008],
  ])('answers %s with %i', async (_case, override, errcode) => {
    const reply = await getJson(fake, '/sns/jscode2session', {
      appid: fake.appId,
      secret: fake.appSecret,
      js_code: 'user:alice',
      grant_type: 'authorization_code',
      ...override,
    });

    expect(reply.body.errcode).toBe(errcode);
  });

  it('checks the secret given at start', async () => {
    const configured = await startFakeWechat({ appId: 'wx1111111111111111', appSecret: 'the-secret' });
    try {
      expect((await codeToSession(configured, 'user:alice')).body.openid).toBe(configured.openIdFor('alice'));
      expect(configured.appSecret).toBe('the-secret');
    } finally {
      await configured.close();
    }
  });

  it('answers 43001 to a POST', async () => {
    const reply = await postJson(fake, '/sns/jscode2session', {});

    expect(reply.body.errcode).toBe(43001);
  });
});
