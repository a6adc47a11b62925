import Taro from '@tarojs/taro';
import { isH5 } from '../../api';

/**
 * True when the phone knows it has no network (WeChat's `none`, the browser's `navigator.onLine`
 * false). "Unknown" counts as online: a failed send still ends in the queue.
 */
export async function isOffline(): Promise<boolean> {
  if (isH5()) {
    return typeof navigator !== 'undefined' && navigator.onLine === false;
  }
  try {
    const { networkType } = await Taro.getNetworkType();
    return networkType === 'none';
  } catch {
    return false;
  }
}

/**
 * Calls `callback` whenever the network comes back: WeChat's onNetworkStatusChange, and on H5 also
 * the browser's `online` event (Taro's H5 version only listens to navigator.connection, which most
 * browsers lack). Returns the function that stops listening.
 */
export function onNetworkBack(callback: () => void): () => void {
  const listener = (result: { isConnected: boolean }) => {
    if (result.isConnected) {
      callback();
    }
  };
  Taro.onNetworkStatusChange(listener);
  const browser = isH5() && typeof window !== 'undefined' ? window : null;
  browser?.addEventListener('online', callback);
  return () => {
    Taro.offNetworkStatusChange?.(listener);
    browser?.removeEventListener('online', callback);
  };
}
