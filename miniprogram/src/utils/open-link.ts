import Taro from '@tarojs/taro';
import { returnUrlFromParam } from '../api';

/** The tab pages: WeChat opens them with switchTab, which takes no query. */
const TAB_PAGES = ['/pages/index/index', '/pages/training/index', '/pages/report/index', '/pages/mine/index'];

/**
 * Opens a page of this app named in a message (`/pages/hazard/detail?id=9`). Anything that is not
 * a page of this app is ignored. Returns false when there was nothing to open.
 */
export function openAppLink(link: string | null): boolean {
  const url = link ? returnUrlFromParam(link) : null;
  if (!url) {
    return false;
  }
  const path = url.split('?')[0];
  if (TAB_PAGES.includes(path)) {
    Taro.switchTab({ url: path }).catch(() => undefined);
  } else {
    Taro.navigateTo({ url }).catch(() => undefined);
  }
  return true;
}
