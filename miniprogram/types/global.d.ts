/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

/** The API base URL of this build target, set by `defineConstants` in config/index.ts. */
declare const ANKANG_API_BASE_URL: string | undefined;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn';
    TARO_APP_ID?: string;
    TARO_APP_API_BASE_URL?: string;
    TARO_APP_H5_API_BASE_URL?: string;
  }
}
