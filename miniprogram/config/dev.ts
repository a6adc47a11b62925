import type { UserConfigExport } from '@tarojs/cli';

/** `taro build --watch`: readable output; H5's dev server forwards /api to a local server. */
export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      port: 10086,
      // Matches `hot: false` in babel.config.js (Fast Refresh is not installed).
      hot: false,
      proxy: [
        {
          context: ['/api'],
          target: process.env.ANKANG_DEV_API_ORIGIN || 'http://127.0.0.1:3000',
          changeOrigin: true,
        },
      ],
    },
  },
} satisfies UserConfigExport<'webpack5'>;
