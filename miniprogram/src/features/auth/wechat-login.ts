import type { TokenPairResponse, WechatLoginRequest } from '@ankang/shared';
import Taro from '@tarojs/taro';
import { ApiError, apiRequest, ClientErrorCode, saveTokenPair } from '../../api';

export const WECHAT_CODE_FAILED_MESSAGE = '未能获取微信登录凭证，请检查网络后重试';

async function wechatCode(): Promise<string> {
  try {
    const { code } = await Taro.login();
    if (code) {
      return code;
    }
  } catch (cause) {
    throw new ApiError(ClientErrorCode.Network, WECHAT_CODE_FAILED_MESSAGE, 0, undefined, cause);
  }
  throw new ApiError(ClientErrorCode.Network, WECHAT_CODE_FAILED_MESSAGE, 0);
}

/** WeChat sign-in: `wx.login` gives a one-time code, the server exchanges it for our token pair. */
export async function wechatLogin(): Promise<TokenPairResponse> {
  const body: WechatLoginRequest = { code: await wechatCode() };
  const pair = await apiRequest<TokenPairResponse>({
    method: 'POST',
    path: '/auth/wechat-login',
    body,
    auth: 'none',
    // The code is single-use: a blind re-send would only fail with AUTH_WECHAT_CODE_USED.
    networkRetries: 0,
  });
  saveTokenPair(pair);
  return pair;
}
