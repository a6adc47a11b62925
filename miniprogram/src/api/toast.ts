import Taro from '@tarojs/taro';
import { errorMessage } from './errors';

/** Shows the Chinese message of any failure as a toast (two lines fit on WeChat's text toast). */
export function toastError(error: unknown): void {
  Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 }).catch(() => undefined);
}

export function toastSuccess(title: string): void {
  Taro.showToast({ title, icon: 'success', duration: 1500 }).catch(() => undefined);
}

export function toastInfo(title: string): void {
  Taro.showToast({ title, icon: 'none', duration: 2000 }).catch(() => undefined);
}
