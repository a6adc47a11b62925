/**
 * The `@tarojs/taro` the tests control: storage in a Map, every API a jest.fn, lifecycle hooks as
 * React effects. NutUI imports getEnv, ENV_TYPE, nextTick, createSelectorQuery, eventCenter and
 * getCurrentInstance from here as well.
 */
import { act } from '@testing-library/react';
import { useEffect } from 'react';

const storage = new Map<string, unknown>();

export const ENV_TYPE = {
  WEAPP: 'WEAPP',
  SWAN: 'SWAN',
  ALIPAY: 'ALIPAY',
  TT: 'TT',
  QQ: 'QQ',
  JD: 'JD',
  WEB: 'WEB',
  RN: 'RN',
  HARMONY: 'HARMONY',
  QUICKAPP: 'QUICKAPP',
  HARMONYHYBRID: 'HARMONYHYBRID',
} as const;

export const getEnv = jest.fn(() => (process.env.TARO_ENV === 'weapp' ? ENV_TYPE.WEAPP : ENV_TYPE.WEB));

export const request = jest.fn();
export const login = jest.fn();
export const scanCode = jest.fn();
export const showToast = jest.fn(() => Promise.resolve({ errMsg: 'showToast:ok' }));
export const showModal = jest.fn(() => Promise.resolve({ confirm: true, cancel: false, errMsg: 'showModal:ok' }));
export const showLoading = jest.fn(() => Promise.resolve({ errMsg: 'showLoading:ok' }));
export const hideLoading = jest.fn(() => Promise.resolve({ errMsg: 'hideLoading:ok' }));
export const reLaunch = jest.fn(() => Promise.resolve({ errMsg: 'reLaunch:ok' }));
export const switchTab = jest.fn(() => Promise.resolve({ errMsg: 'switchTab:ok' }));
export const navigateTo = jest.fn(() => Promise.resolve({ errMsg: 'navigateTo:ok' }));
export const redirectTo = jest.fn(() => Promise.resolve({ errMsg: 'redirectTo:ok' }));
export const navigateBack = jest.fn(() => Promise.resolve({ errMsg: 'navigateBack:ok' }));
export const stopPullDownRefresh = jest.fn();
export const pageScrollTo = jest.fn();
export const getSystemInfo = jest.fn(() => Promise.resolve({ windowWidth: 375, windowHeight: 667, pixelRatio: 2 }));
export const getSystemInfoSync = jest.fn(() => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2 }));
export const downloadFile = jest.fn();
export const previewImage = jest.fn(() => Promise.resolve({ errMsg: 'previewImage:ok' }));
export const saveImageToPhotosAlbum = jest.fn(() => Promise.resolve({ errMsg: 'saveImageToPhotosAlbum:ok' }));
export const shareFileMessage = jest.fn(() => Promise.resolve({ errMsg: 'shareFileMessage:ok' }));
export const openSetting = jest.fn(() => Promise.resolve({ authSetting: {}, errMsg: 'openSetting:ok' }));
export const readFileSync = jest.fn((_path: string, _encoding?: string): string => '');
export const uploadFile = jest.fn();
export const chooseMedia = jest.fn();
export const compressImage = jest.fn((options: { src: string }) =>
  Promise.resolve({ tempFilePath: `${options.src}.compressed`, errMsg: 'compressImage:ok' }),
);
export const saveFile = jest.fn((options: { tempFilePath: string }) =>
  Promise.resolve({ savedFilePath: options.tempFilePath.replace('tmp', 'store'), errMsg: 'saveFile:ok' }),
);
export const removeSavedFile = jest.fn(() => Promise.resolve({ errMsg: 'removeSavedFile:ok' }));
export const requestSubscribeMessage = jest.fn();
export const setTabBarBadge = jest.fn(() => Promise.resolve({ errMsg: 'setTabBarBadge:ok' }));
export const removeTabBarBadge = jest.fn(() => Promise.resolve({ errMsg: 'removeTabBarBadge:ok' }));
export const setNavigationBarTitle = jest.fn(() => Promise.resolve({ errMsg: 'setNavigationBarTitle:ok' }));
export const showActionSheet = jest.fn();

/** The phone's network as `getNetworkType` reports it; `setNetwork` also tells the listeners. */
export const network = { networkType: 'wifi' };
type NetworkListener = (result: { isConnected: boolean; networkType: string }) => void;
const networkListeners = new Set<NetworkListener>();
export const getNetworkType = jest.fn(() =>
  Promise.resolve({ networkType: network.networkType, errMsg: 'getNetworkType:ok' }),
);
export const onNetworkStatusChange = jest.fn((listener: NetworkListener) => {
  networkListeners.add(listener);
});
export const offNetworkStatusChange = jest.fn((listener?: NetworkListener) => {
  if (listener) {
    networkListeners.delete(listener);
  } else {
    networkListeners.clear();
  }
});

/** The network goes away (`none`) or comes back (`wifi`): what WeChat tells onNetworkStatusChange. */
export function setNetwork(networkType: 'none' | 'wifi' | '4g'): void {
  network.networkType = networkType;
  for (const listener of [...networkListeners]) {
    listener({ isConnected: networkType !== 'none', networkType });
  }
}

export function networkListenerCount(): number {
  return networkListeners.size;
}
export const getFileSystemManager = jest.fn(() => ({ readFileSync }));

/** What `getLaunchOptionsSync` reports: the page and query the app was cold-started with. */
export const launchOptions = { path: 'pages/index/index', query: {} as Record<string, string>, scene: 1001 };
export const getLaunchOptionsSync = jest.fn(() => launchOptions);

export const getStorageSync = jest.fn((key: string) => (storage.has(key) ? storage.get(key) : ''));
export const setStorageSync = jest.fn((key: string, value: unknown) => {
  storage.set(key, value);
});
export const removeStorageSync = jest.fn((key: string) => {
  storage.delete(key);
});

export const nextTick = (callback: () => void) => setTimeout(callback, 0);

export const createSelectorQuery = () => {
  const query = {
    select: () => query,
    selectAll: () => query,
    selectViewport: () => query,
    in: () => query,
    boundingClientRect: () => query,
    scrollOffset: () => query,
    fields: () => query,
    exec: (callback?: (result: unknown[]) => void) => callback?.([]),
  };
  return query;
};

type Handler = (...args: unknown[]) => void;
const handlers = new Map<string, Set<Handler>>();
export const eventCenter = {
  on(name: string, handler: Handler) {
    const set = handlers.get(name) ?? new Set<Handler>();
    set.add(handler);
    handlers.set(name, set);
    return eventCenter;
  },
  off(name: string, handler?: Handler) {
    if (handler) {
      handlers.get(name)?.delete(handler);
    } else {
      handlers.delete(name);
    }
    return eventCenter;
  },
  trigger(name: string, ...args: unknown[]) {
    for (const handler of handlers.get(name) ?? []) {
      handler(...args);
    }
    return eventCenter;
  },
};

export const currentRouter = { path: '/pages/index/index', params: {} as Record<string, string> };
export const getCurrentInstance = jest.fn(() => ({ router: currentRouter, page: {} }));
export const useRouter = jest.fn(() => currentRouter);

const onMount = (callback?: () => void) => {
  // biome-ignore lint/correctness/useExhaustiveDependencies: lifecycle hooks run once, like Taro's.
  useEffect(() => {
    callback?.();
  }, []);
};

/** Page events a test fires by hand: the page shown again, scrolled to the bottom. */
const pageEventHandlers = { didShow: new Set<() => void>(), reachBottom: new Set<() => void>() };

function usePageEvent(event: keyof typeof pageEventHandlers, callback?: () => void): void {
  // The latest callback, like Taro, which calls whatever the page registered on its last render.
  useEffect(() => {
    if (!callback) {
      return undefined;
    }
    pageEventHandlers[event].add(callback);
    return () => {
      pageEventHandlers[event].delete(callback);
    };
  });
}

export const useLoad = onMount;
export const useReady = onMount;
/** Runs on mount (the first show) and again on `showPageAgain()`. */
export const useDidShow = (callback?: () => void) => {
  onMount(callback);
  usePageEvent('didShow', callback);
};
export const useLaunch = onMount;
export const useDidHide = (_callback?: () => void) => undefined;
export const useUnload = (_callback?: () => void) => undefined;
export const usePullDownRefresh = (_callback?: () => void) => undefined;
export const useReachBottom = (callback?: () => void) => usePageEvent('reachBottom', callback);
export const usePageScroll = (_callback?: () => void) => undefined;

/** The person came back to the page (from a page above it in the stack). */
export function showPageAgain(): void {
  act(() => {
    for (const handler of [...pageEventHandlers.didShow]) {
      handler();
    }
  });
}

/** The person scrolled to the bottom of the page. */
export function reachBottom(): void {
  act(() => {
    for (const handler of [...pageEventHandlers.reachBottom]) {
      handler();
    }
  });
}

/** Back to an empty phone: no storage, no handlers, no recorded calls. */
export function resetTaro(): void {
  storage.clear();
  handlers.clear();
  currentRouter.path = '/pages/index/index';
  currentRouter.params = {};
  launchOptions.path = 'pages/index/index';
  launchOptions.query = {};
  pageEventHandlers.didShow.clear();
  pageEventHandlers.reachBottom.clear();
  network.networkType = 'wifi';
  networkListeners.clear();
}

export const taroStorage = storage;

const Taro = {
  ENV_TYPE,
  getEnv,
  request,
  login,
  scanCode,
  showToast,
  showModal,
  showLoading,
  hideLoading,
  reLaunch,
  switchTab,
  navigateTo,
  redirectTo,
  navigateBack,
  stopPullDownRefresh,
  pageScrollTo,
  getSystemInfo,
  getSystemInfoSync,
  downloadFile,
  previewImage,
  saveImageToPhotosAlbum,
  shareFileMessage,
  openSetting,
  getFileSystemManager,
  uploadFile,
  chooseMedia,
  compressImage,
  saveFile,
  removeSavedFile,
  requestSubscribeMessage,
  setTabBarBadge,
  removeTabBarBadge,
  setNavigationBarTitle,
  showActionSheet,
  getNetworkType,
  onNetworkStatusChange,
  offNetworkStatusChange,
  getLaunchOptionsSync,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  nextTick,
  createSelectorQuery,
  eventCenter,
  getCurrentInstance,
  useRouter,
  useLoad,
  useReady,
  useDidShow,
  useDidHide,
  useLaunch,
  useUnload,
  usePullDownRefresh,
  useReachBottom,
  usePageScroll,
};

export default Taro;
