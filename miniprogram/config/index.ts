import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/** The API the WeChat build talks to when TARO_APP_API_BASE_URL is not set at build time. */
const DEFAULT_WEAPP_API_BASE_URL = 'http://127.0.0.1:3000/api/v1';
/** H5 is served by the same origin as the API (the server, or the dev server's proxy). */
const DEFAULT_H5_API_BASE_URL = '/api/v1';

const sharedSource = path.resolve(__dirname, '..', '..', 'shared', 'src');

function apiBaseUrl(): string {
  if (process.env.TARO_ENV === 'h5') {
    return process.env.TARO_APP_H5_API_BASE_URL || DEFAULT_H5_API_BASE_URL;
  }
  return process.env.TARO_APP_API_BASE_URL || DEFAULT_WEAPP_API_BASE_URL;
}

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'ankang-miniprogram',
    date: '2024-11-29',
    // NutUI is drawn on a 375 design, our own styles on 750. Taro inlines this function into the H5
    // runtime (and calls it there with a number), so it must be self-contained plain JavaScript.
    designWidth: function designWidth(input?: unknown): number {
      const file = input && typeof input === 'object' ? (input as { file?: unknown }).file : undefined;
      if (typeof file === 'string' && file.replace(/\\+/g, '/').indexOf('@nutui') > -1) {
        return 375;
      }
      return 750;
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    alias: {
      '@ankang/shared': sharedSource,
    },
    defineConstants: {
      ANKANG_API_BASE_URL: JSON.stringify(apiBaseUrl()),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true },
    mini: {
      compile: { include: [sharedSource] },
      // Pages import shared component styles (hazard screens) in different orders; their rules
      // never overlap, so the extraction order does not matter (as on H5 below).
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedSource] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // Taro splits only initial chunks on H5, so every lazily loaded page carried its own copy of
        // the API client, NutUI and @ankang/shared. Split the async page chunks too.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' });
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
