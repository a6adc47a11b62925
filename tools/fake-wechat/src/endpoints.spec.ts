import { inflateSync } from 'node:zlib';
import { type FakeWechat, startFakeWechat } from './fake-wechat';
import { accessToken, postJson, postRaw } from './fake-wechat.spec-helpers';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads a PNG's size and checks its pixel data inflates to what the header promises. */
function decodePng(data: Buffer): { width: number; height: number } {
  expect(data.subarray(0, 8)).toEqual(pngSignature);
  let offset = 8;
  let width = 0;
  let height = 0;
  const pixelData: Buffer[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('ascii', offset + 4, offset + 8);
    const content = data.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = content.readUInt32BE(0);
      height = content.readUInt32BE(4);
    } else if (type === 'IDAT') {
      pixelData.push(content);
    }
    offset += 12 + length;
  }
  expect(inflateSync(Buffer.concat(pixelData))).toHaveLength((width + 1) * height);
  return { width, height };
}

describe('access-token endpoints', () => {
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

  describe('POST /wxa/business/getuserphonenumber', () => {
    it('answers phone:<digits> with that number', async () => {
      const reply = await postJson(
        fake,
        '/wxa/business/getuserphonenumber',
        { code: 'phone:13800138000' },
        { access_token: token },
      );

      expect(reply.body).toEqual({
        errcode: 0,
        errmsg: 'ok',
        phone_info: {
          phoneNumber: '13800138000',
          purePhoneNumber: '13800138000',
          countryCode: '86',
          watermark: { timestamp: expect.any(Number), appid: fake.appId },
        },
      });
    });

    it.each(['0a3Xyz', 'phone:', 'phone:138-0013'])('answers 40029 to the code %s', async (code) => {
      const reply = await postJson(fake, '/wxa/business/getuserphonenumber', { code }, { access_token: token });

      expect(reply.body.errcode).toBe(40029);
    });
  });

  describe('POST /cgi-bin/message/subscribe/send', () => {
    const message = {
      touser: 'oAbCdEfGhIjKlMnOpQrStUvWxYz1',
      template_id: 'tmpl-notice_01',
      page: 'pages/notice/detail?id=9',
      data: {
        thing1: { value: '夏季高温作业防暑降温通知' },
        time2: { value: '2025-07-01 08:30' },
        phrase3: { value: '已发布' },
        character_string4: { value: 'N-2025-0001' },
        number5: { value: '12' },
        name6: { value: '张三' },
        phone_number7: { value: '0971-1234567' },
      },
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    };

    async function send(body: unknown) {
      return postJson(fake, '/cgi-bin/message/subscribe/send', body, { access_token: token });
    }

    it('accepts a valid message and answers a msgid', async () => {
      const reply = await send(message);

      expect(reply.body).toEqual({ errcode: 0, errmsg: 'ok', msgid: expect.any(Number) });
    });

    it.each([
      ['a bad openid', { touser: '' }, 40003],
      ['a bad template', { template_id: 'bad template' }, 40037],
      ['a page with a leading slash', { page: '/pages/notice/detail' }, 41030],
      ['an unknown miniprogram_state', { miniprogram_state: 'beta' }, 40097],
      ['no data', { data: {} }, 47003],
    ])('answers %s with %i', async (_case, override, errcode) => {
      expect((await send({ ...message, ...override })).body.errcode).toBe(errcode);
    });

    it.each([
      ['thing1', { value: '这是一条超过二十个字的事项说明文字一定会被微信拒绝的' }],
      ['phrase3', { value: 'done' }],
      ['character_string4', { value: '中文编号' }],
      ['time2', { value: 'tomorrow' }],
      ['name6', { value: '' }],
    ])('answers 47003 naming %s when its value breaks the limits', async (key, value) => {
      const reply = await send({ ...message, data: { ...message.data, [key]: value } });

      expect(reply.body.errcode).toBe(47003);
      expect(reply.body.errmsg).toContain(`data.${key}.value`);
    });
  });

  describe('POST /wxa/getwxacodeunlimit', () => {
    async function qrCode(body: unknown): Promise<Response> {
      return postRaw(fake, '/wxa/getwxacodeunlimit', JSON.stringify(body), { access_token: token });
    }

    it('answers a real PNG of the requested width with an image content type', async () => {
      const response = await qrCode({ scene: 'w=ABC123', page: 'pages/workplace/index', width: 280 });
      const image = Buffer.from(await response.arrayBuffer());

      expect(response.headers.get('content-type')).toBe('image/png');
      expect(decodePng(image)).toEqual({ width: 280, height: 280 });
    });

    it('defaults to 430 px and draws a different image for another scene', async () => {
      const first = Buffer.from(await (await qrCode({ scene: 'w=ABC123' })).arrayBuffer());
      const second = Buffer.from(await (await qrCode({ scene: 'w=XYZ789' })).arrayBuffer());

      expect(decodePng(first).width).toBe(430);
      expect(first.equals(second)).toBe(false);
    });

    it('accepts every character of the allowed set', async () => {
      const response = await qrCode({ scene: "09azAZ!#$&'()*+,/:;=?@-._~" });

      expect(response.headers.get('content-type')).toBe('image/png');
    });

    it.each([
      ['a scene over 32 characters', { scene: 'a'.repeat(33) }, 40169],
      ['a scene with a space', { scene: 'w ABC' }, 40129],
      ['a scene with Chinese characters', { scene: '工作场所' }, 40129],
      ['a scene with a percent sign', { scene: 'w%3DABC' }, 40129],
      ['no scene', {}, 40097],
      ['a page with a leading slash', { scene: 'w=1', page: '/pages/workplace/index' }, 41030],
      ['a page with a query', { scene: 'w=1', page: 'pages/workplace/index?w=1' }, 41030],
      ['a width under 280', { scene: 'w=1', width: 100 }, 40097],
      ['an unknown env_version', { scene: 'w=1', env_version: 'beta' }, 40097],
    ])('answers %s with JSON errcode %i', async (_case, body, errcode) => {
      const response = await qrCode(body);

      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await response.json()) as { errcode: number }).errcode).toBe(errcode);
    });
  });

  describe('POST /wxa/msg_sec_check', () => {
    async function check(content: string, override: Record<string, unknown> = {}) {
      return postJson(
        fake,
        '/wxa/msg_sec_check',
        { content, version: 2, scene: 2, openid: fake.openIdFor('alice'), ...override },
        { access_token: token },
      );
    }

    it('passes ordinary text', async () => {
      const reply = await check('三号车间通道堆放杂物');

      expect(reply.body).toMatchObject({
        errcode: 0,
        result: { suggest: 'pass', label: 100 },
        trace_id: expect.any(String),
      });
    });

    it('answers risky for a word of the risky list, naming the keyword', async () => {
      const reply = await check('这里有违禁词');

      expect(reply.body.result).toEqual({ suggest: 'risky', label: 20006 });
      expect(reply.body.detail).toContainEqual(expect.objectContaining({ strategy: 'keyword', keyword: '违禁词' }));
    });

    it('answers review for a word of the review list', async () => {
      expect((await check('please [review] this')).body.result.suggest).toBe('review');
    });

    it('uses word lists configured at run time', async () => {
      fake.configure({ riskyWords: ['赌博'] });

      expect((await check('赌博')).body.result.suggest).toBe('risky');
      expect((await check('这里有违禁词')).body.result.suggest).toBe('pass');
    });

    it('takes word lists from the start options', async () => {
      const custom = await startFakeWechat({ riskyWords: ['forbidden'], reviewWords: [] });
      try {
        const customToken = await accessToken(custom);
        const reply = await postJson(
          custom,
          '/wxa/msg_sec_check',
          { content: 'a forbidden word', version: 2, scene: 1, openid: custom.openIdFor('alice') },
          { access_token: customToken },
        );
        expect(reply.body.result.suggest).toBe('risky');
      } finally {
        await custom.close();
      }
    });

    it.each([
      ['a scene outside 1–4', { scene: 5 }, 40129],
      ['version 1', { version: 1 }, 40097],
      ['no openid', { openid: undefined }, 40003],
    ])('answers %s with %i', async (_case, override, errcode) => {
      expect((await check('text', override)).body.errcode).toBe(errcode);
    });

    it('answers 40097 to content over 2500 characters', async () => {
      expect((await check('安'.repeat(2501))).body.errcode).toBe(40097);
    });
  });

  it('answers HTTP 404 with errcode 40066 for a path WeChat does not have', async () => {
    const reply = await postJson(fake, '/cgi-bin/unknown', {}, { access_token: token });

    expect(reply.status).toBe(404);
    expect(reply.body.errcode).toBe(40066);
  });
});
