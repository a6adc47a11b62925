import { createHash, randomBytes } from 'node:crypto';

/** The name a `wx.login` code outside the grammar logs in as (e.g. a real code from WeChat DevTools). */
export const DEVELOPER_USER_NAME = 'developer';

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** openids are per mini program, so the appid is part of the derivation; real ones are 28 chars starting with `o`. */
export function openIdFor(appId: string, name: string): string {
  return `o${digest(`openid:${appId}:${name}`).slice(0, 27)}`;
}

/** unionids are shared by all apps of one Open Platform account, so the appid is not part of them. */
export function unionIdFor(name: string): string {
  return `u${digest(`unionid:${name}`).slice(0, 27)}`;
}

export function newSessionKey(): string {
  return randomBytes(16).toString('base64');
}
