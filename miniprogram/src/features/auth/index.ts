export { devLogin } from './dev-login';
export { fetchDevUsers } from './dev-users';
export { fetchMe } from './fetch-me';
export { logout } from './logout';
export { type MeLoad, useMe } from './use-me';
export { WECHAT_CODE_FAILED_MESSAGE, wechatLogin } from './wechat-login';
