import type { UserConfigExport } from '@tarojs/cli';

/** Production builds: minified, no source maps shipped in the mini program package. */
export default {
  mini: {
    enableSourceMap: false,
  },
  h5: {
    enableSourceMap: false,
  },
} satisfies UserConfigExport<'webpack5'>;
