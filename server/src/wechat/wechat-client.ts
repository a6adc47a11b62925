import { Inject, Injectable, Logger } from '@nestjs/common';
import { AccessTokenHolder } from './access-token-holder';
import { fitSubscribeMessageValue } from './subscribe-message-values';
import { isAccessTokenRejection, WechatNotConfiguredError, WechatResponseError } from './wechat-errors';
import { type WechatCall, WechatHttp, type WechatReply } from './wechat-http';
import { isWechatConfigured, WECHAT_OPTIONS, type WechatOptions } from './wechat-options';
import type {
  CodeToSessionResponse,
  PhoneNumberResponse,
  SubscribeMessage,
  TextCheckResponse,
  TextCheckResult,
  TextCheckScene,
  TextCheckSuggestion,
  UnlimitedQrCodeRequest,
  WechatImage,
  WechatPhoneNumber,
  WechatSession,
} from './wechat-types';

/** msg_sec_check takes at most 2500 characters; longer text is checked in overlapping pieces. */
const TEXT_CHECK_MAXIMUM_CHARACTERS = 2500;
const TEXT_CHECK_OVERLAP_CHARACTERS = 20;
const SUGGESTION_SEVERITY: Readonly<Record<TextCheckSuggestion, number>> = { pass: 0, review: 1, risky: 2 };

type AccessTokenCall = Omit<WechatCall, 'method'> & { method?: 'POST' };

function requireString(api: string, value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new WechatResponseError(api, `WeChat ${api} answered without ${field}`);
  }
  return value;
}

/** The server's one way to talk to WeChat. Errors are the typed ones of `wechat-errors.ts`. */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger('WechatClient');

  constructor(
    @Inject(WECHAT_OPTIONS) private readonly options: WechatOptions,
    private readonly http: WechatHttp,
    private readonly tokens: AccessTokenHolder,
  ) {
    if (!isWechatConfigured(options)) {
      this.logger.warn('WeChat is not configured (no appid and secret): WeChat login and messages are unavailable');
    }
  }

  isConfigured(): boolean {
    return isWechatConfigured(this.options);
  }

  /** Exchanges a `wx.login` code for the user's openid and session key. */
  async code2Session(jsCode: string): Promise<WechatSession> {
    const api = 'jscode2session';
    const { appId, appSecret } = this.options;
    if (appId === null || appSecret === null) {
      throw new WechatNotConfiguredError(api);
    }
    const body: CodeToSessionResponse = await this.http.sendJson({
      api,
      method: 'GET',
      path: '/sns/jscode2session',
      query: { appid: appId, secret: appSecret, js_code: jsCode, grant_type: 'authorization_code' },
      // The code is single use. A repeat after a timeout or dropped connection could find it spent
      // by our own lost first attempt (40163, blaming the user), so only calls WeChat certainly did
      // not act on are repeated (-1 busy, connection refused); otherwise the user is asked to retry
      // with a fresh wx.login code (503).
      repeatable: false,
    });
    const session: WechatSession = {
      openId: requireString(api, body.openid, 'openid'),
      sessionKey: requireString(api, body.session_key, 'session_key'),
    };
    if (typeof body.unionid === 'string' && body.unionid !== '') {
      session.unionId = body.unionid;
    }
    return session;
  }

  /** The process's current access token (refreshed as needed). */
  getStableAccessToken(): Promise<string> {
    return this.tokens.getAccessToken();
  }

  /** The phone number behind a getPhoneNumber button code (single use, valid 5 minutes). */
  async getPhoneNumber(code: string): Promise<WechatPhoneNumber> {
    const api = 'getuserphonenumber';
    const body = (await this.callWithAccessTokenForJson({
      api,
      path: '/wxa/business/getuserphonenumber',
      body: { code },
      repeatable: false,
    })) as PhoneNumberResponse;
    const info = body.phone_info ?? {};
    return {
      phoneNumber: requireString(api, info.phoneNumber, 'phone_info.phoneNumber'),
      purePhoneNumber: requireString(api, info.purePhoneNumber, 'phone_info.purePhoneNumber'),
      countryCode: requireString(api, info.countryCode, 'phone_info.countryCode'),
    };
  }

  /** WeChat's content check of user text (the user must have opened the mini program within 2 hours). */
  async checkText(content: string, openId: string, scene: TextCheckScene): Promise<TextCheckResult> {
    const characters = [...content];
    let worst: TextCheckResult = { suggest: 'pass', label: 100, traceId: null };
    if (content.trim() === '') {
      return worst;
    }
    const step = TEXT_CHECK_MAXIMUM_CHARACTERS - TEXT_CHECK_OVERLAP_CHARACTERS;
    for (let start = 0; start < characters.length; start += step) {
      const piece = characters.slice(start, start + TEXT_CHECK_MAXIMUM_CHARACTERS).join('');
      const result = await this.checkTextPiece(piece, openId, scene);
      if (worst.traceId === null || SUGGESTION_SEVERITY[result.suggest] > SUGGESTION_SEVERITY[worst.suggest]) {
        worst = result;
      }
      if (result.suggest === 'risky' || start + TEXT_CHECK_MAXIMUM_CHARACTERS >= characters.length) {
        break;
      }
    }
    return worst;
  }

  /** Sends a subscribe message. 43101 (refused, or no grant left) must not be retried by the caller. */
  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    const data = Object.fromEntries(
      Object.entries(message.data).map(([key, value]) => [key, { value: fitSubscribeMessageValue(key, value) }]),
    );
    await this.callWithAccessTokenForJson({
      api: 'subscribeMessage.send',
      path: '/cgi-bin/message/subscribe/send',
      body: {
        touser: message.toOpenId,
        template_id: message.templateId,
        ...(message.page === undefined ? {} : { page: message.page }),
        data,
        ...(message.miniProgramState === undefined ? {} : { miniprogram_state: message.miniProgramState }),
        lang: message.lang ?? 'zh_CN',
      },
      // A repeat after an unknown outcome could deliver the message twice.
      repeatable: false,
    });
  }

  /** A mini program code (image bytes) for a page and scene, e.g. a workplace's QR code. */
  async getUnlimitedQrCode(request: UnlimitedQrCodeRequest): Promise<WechatImage> {
    const api = 'getwxacodeunlimit';
    const reply = await this.callWithAccessToken({
      api,
      path: '/wxa/getwxacodeunlimit',
      body: {
        scene: request.scene,
        ...(request.page === undefined ? {} : { page: request.page }),
        ...(request.checkPath === undefined ? {} : { check_path: request.checkPath }),
        ...(request.envVersion === undefined ? {} : { env_version: request.envVersion }),
        ...(request.width === undefined ? {} : { width: request.width }),
      },
      repeatable: true,
      acceptsImage: true,
    });
    if (reply.kind !== 'image') {
      throw new WechatResponseError(api, `WeChat ${api} answered JSON without an error instead of an image`);
    }
    return reply.image;
  }

  private async checkTextPiece(content: string, openId: string, scene: TextCheckScene): Promise<TextCheckResult> {
    const api = 'msg_sec_check';
    const body = (await this.callWithAccessTokenForJson({
      api,
      path: '/wxa/msg_sec_check',
      body: { content, version: 2, scene, openid: openId },
      repeatable: true,
    })) as TextCheckResponse;
    const suggest = body.result?.suggest;
    if (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky') {
      throw new WechatResponseError(api, `WeChat ${api} answered without a known result.suggest`);
    }
    const label = body.result?.label;
    return {
      suggest,
      label: typeof label === 'number' ? label : Number(label ?? 0),
      traceId: typeof body.trace_id === 'string' ? body.trace_id : null,
    };
  }

  private async callWithAccessTokenForJson(call: AccessTokenCall): Promise<Record<string, unknown>> {
    const reply = await this.callWithAccessToken({ ...call, acceptsImage: false });
    if (reply.kind !== 'json') {
      throw new WechatResponseError(call.api, `WeChat ${call.api} answered an image where JSON was expected`);
    }
    return reply.body;
  }

  /**
   * Every `?access_token=` call goes through here: on 40001/42001 the token is replaced once and the
   * call sent once more. That repeat is safe even for single-use codes and messages: WeChat refused
   * the call before acting on it.
   */
  private async callWithAccessToken(call: AccessTokenCall): Promise<WechatReply> {
    if (!this.isConfigured()) {
      throw new WechatNotConfiguredError(call.api);
    }
    const send = (accessToken: string) =>
      this.http.send({ ...call, method: 'POST', query: { ...call.query, access_token: accessToken } });
    const accessToken = await this.tokens.getAccessToken();
    try {
      return await send(accessToken);
    } catch (error) {
      if (!isAccessTokenRejection(error)) {
        throw error;
      }
      this.logger.warn(
        `${call.api}: access token refused (errcode ${error.errcode}); replacing it and trying once more`,
      );
      return send(await this.tokens.replaceRejected(accessToken));
    }
  }
}
