import { randomBytes } from 'node:crypto';
import { fakeCodeImage } from './fake-image';
import type { FakeState } from './fake-state';
import { DEVELOPER_USER_NAME, newSessionKey, openIdFor, unionIdFor } from './identities';
import { parseJsCode, parsePhoneCode } from './js-code-grammar';
import { findInvalidDataKey } from './subscribe-data';
import { errorBody, FakeErrcode } from './wechat-errcodes';

/** The WeChat paths the fake serves. */
export const WechatPath = {
  CodeToSession: '/sns/jscode2session',
  StableToken: '/cgi-bin/stable_token',
  PhoneNumber: '/wxa/business/getuserphonenumber',
  SubscribeSend: '/cgi-bin/message/subscribe/send',
  UnlimitedQrCode: '/wxa/getwxacodeunlimit',
  TextCheck: '/wxa/msg_sec_check',
} as const;

export type EndpointResult =
  | { kind: 'json'; body: Record<string, unknown> }
  | { kind: 'image'; contentType: string; data: Buffer };

export interface EndpointRequest {
  query: Record<string, string>;
  /** The JSON body of a POST (always an object here); empty for GET. */
  body: Record<string, unknown>;
}

export interface Endpoint {
  method: 'GET' | 'POST';
  needsAccessToken: boolean;
  handle(request: EndpointRequest, state: FakeState): EndpointResult;
}

function fail(errcode: number, errmsg?: string): EndpointResult {
  return { kind: 'json', body: { ...errorBody(errcode, errmsg) } };
}

function ok(body: Record<string, unknown>): EndpointResult {
  return { kind: 'json', body: { errcode: 0, errmsg: 'ok', ...body } };
}

const openIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
const scenePattern = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/;
const pagePathPattern = /^[A-Za-z0-9_\-./]+$/;

const codeToSession: Endpoint = {
  method: 'GET',
  needsAccessToken: false,
  handle({ query }, state) {
    const { appId, appSecret } = state.settings;
    if (query.appid !== appId) return fail(FakeErrcode.InvalidAppId);
    if (query.secret !== appSecret) return fail(FakeErrcode.InvalidAppSecret);
    if (query.grant_type !== 'authorization_code') return fail(FakeErrcode.InvalidGrantType);
    const jsCode = query.js_code;
    if (jsCode === undefined || jsCode === '') return fail(FakeErrcode.CodeMissing);
    const outcome = parseJsCode(jsCode, DEVELOPER_USER_NAME);
    if (outcome.kind === 'error') return fail(outcome.errcode);
    // Single use like the real code: only a successful exchange spends it.
    if (state.usedJsCodes.has(jsCode)) return fail(FakeErrcode.CodeUsed);
    state.usedJsCodes.add(jsCode);
    // Real success bodies carry no errcode.
    return {
      kind: 'json',
      body: {
        session_key: newSessionKey(),
        openid: openIdFor(appId, outcome.name),
        ...(outcome.withUnionId ? { unionid: unionIdFor(outcome.name) } : {}),
      },
    };
  },
};

const stableToken: Endpoint = {
  method: 'POST',
  needsAccessToken: false,
  handle({ body }, state) {
    if (body.grant_type !== 'client_credential') return fail(FakeErrcode.InvalidGrantType);
    if (body.appid !== state.settings.appId) return fail(FakeErrcode.InvalidAppId);
    if (body.secret !== state.settings.appSecret) return fail(FakeErrcode.InvalidAppSecret);
    const issued = state.tokens.issue(body.force_refresh === true);
    if ('errcode' in issued) return fail(issued.errcode);
    return { kind: 'json', body: { access_token: issued.accessToken, expires_in: issued.expiresIn } };
  },
};

const phoneNumber: Endpoint = {
  method: 'POST',
  needsAccessToken: true,
  handle({ body }, state) {
    if (typeof body.code !== 'string' || body.code === '') return fail(FakeErrcode.CodeMissing);
    const outcome = parsePhoneCode(body.code);
    if (outcome.kind === 'error') return fail(outcome.errcode);
    return ok({
      phone_info: {
        phoneNumber: outcome.number,
        purePhoneNumber: outcome.number,
        countryCode: '86',
        watermark: { timestamp: Math.floor(Date.now() / 1000), appid: state.settings.appId },
      },
    });
  },
};

const subscribeSend: Endpoint = {
  method: 'POST',
  needsAccessToken: true,
  handle({ body }, state) {
    if (typeof body.touser !== 'string' || !openIdPattern.test(body.touser)) return fail(FakeErrcode.InvalidOpenId);
    if (typeof body.template_id !== 'string' || !openIdPattern.test(body.template_id)) {
      return fail(FakeErrcode.InvalidTemplateId);
    }
    if (body.page !== undefined) {
      const [path] = typeof body.page === 'string' ? body.page.split('?', 1) : [];
      if (path === undefined || !pagePathPattern.test(path) || path.startsWith('/')) {
        return fail(FakeErrcode.InvalidPage);
      }
    }
    if (
      body.miniprogram_state !== undefined &&
      !['developer', 'trial', 'formal'].includes(String(body.miniprogram_state))
    ) {
      return fail(FakeErrcode.InvalidArguments, 'invalid miniprogram_state');
    }
    if (body.lang !== undefined && !['zh_CN', 'en_US', 'zh_HK', 'zh_TW'].includes(String(body.lang))) {
      return fail(FakeErrcode.InvalidArguments, 'invalid lang');
    }
    const data = body.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data) || Object.keys(data).length === 0) {
      return fail(FakeErrcode.InvalidSubscribeData, 'argument invalid! data is empty');
    }
    const invalidKey = findInvalidDataKey(data as Record<string, unknown>);
    if (invalidKey !== null) {
      return fail(FakeErrcode.InvalidSubscribeData, `argument invalid! data.${invalidKey}.value invalid`);
    }
    state.messageSerial += 1;
    return ok({ msgid: 3_000_000_000 + state.messageSerial });
  },
};

const unlimitedQrCode: Endpoint = {
  method: 'POST',
  needsAccessToken: true,
  handle({ body }) {
    const { scene, page, check_path: checkPath, env_version: envVersion, width } = body;
    if (typeof scene !== 'string' || scene === '') return fail(FakeErrcode.InvalidArguments, 'invalid args: scene');
    if ([...scene].length > 32) return fail(FakeErrcode.SceneTooLong);
    if (!scenePattern.test(scene)) return fail(FakeErrcode.InvalidScene);
    if (page !== undefined && (typeof page !== 'string' || page.startsWith('/') || !pagePathPattern.test(page))) {
      return fail(FakeErrcode.InvalidPage);
    }
    if (checkPath !== undefined && typeof checkPath !== 'boolean') {
      return fail(FakeErrcode.InvalidArguments, 'invalid args: check_path');
    }
    if (envVersion !== undefined && !['release', 'trial', 'develop'].includes(String(envVersion))) {
      return fail(FakeErrcode.InvalidArguments, 'invalid args: env_version');
    }
    const imageWidth = width ?? 430;
    if (typeof imageWidth !== 'number' || !Number.isInteger(imageWidth) || imageWidth < 280 || imageWidth > 1280) {
      return fail(FakeErrcode.InvalidArguments, 'invalid args: width');
    }
    const seed = `${scene}|${String(page ?? '')}|${String(envVersion ?? 'release')}`;
    return { kind: 'image', contentType: 'image/png', data: fakeCodeImage(seed, imageWidth) };
  },
};

const textCheck: Endpoint = {
  method: 'POST',
  needsAccessToken: true,
  handle({ body }, state) {
    const { content, version, scene, openid } = body;
    if (version !== 2 && version !== '2') return fail(FakeErrcode.InvalidArguments, 'invalid args: version');
    if (typeof openid !== 'string' || !openIdPattern.test(openid)) return fail(FakeErrcode.InvalidOpenId);
    if (![1, 2, 3, 4].includes(Number(scene))) return fail(FakeErrcode.InvalidScene);
    if (typeof content !== 'string' || content === '' || [...content].length > 2500) {
      return fail(FakeErrcode.InvalidArguments, 'invalid args: content');
    }
    const riskyWord = state.settings.riskyWords.find((word) => content.includes(word));
    const reviewWord = state.settings.reviewWords.find((word) => content.includes(word));
    const keyword = riskyWord ?? reviewWord;
    const suggest = riskyWord !== undefined ? 'risky' : reviewWord !== undefined ? 'review' : 'pass';
    const label = riskyWord !== undefined ? 20006 : reviewWord !== undefined ? 21000 : 100;
    return ok({
      trace_id: randomBytes(12).toString('hex'),
      result: { suggest, label },
      detail: [
        { strategy: 'content_model', errcode: 0, suggest, label, prob: 90 },
        ...(keyword === undefined ? [] : [{ strategy: 'keyword', errcode: 0, suggest, label, level: 20, keyword }]),
      ],
    });
  },
};

export const endpoints: Readonly<Record<string, Endpoint>> = {
  [WechatPath.CodeToSession]: codeToSession,
  [WechatPath.StableToken]: stableToken,
  [WechatPath.PhoneNumber]: phoneNumber,
  [WechatPath.SubscribeSend]: subscribeSend,
  [WechatPath.UnlimitedQrCode]: unlimitedQrCode,
  [WechatPath.TextCheck]: textCheck,
};
