// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
// Under jest (NODE_ENV=test) the preset emits CommonJS and skips @babel/runtime, so the same file
// serves `taro build` and `jest`.
const NUTUI = '@nutui/nutui-react-taro';
const nutuiPackage = (name) => `${NUTUI}/dist/es/packages/${name.toLowerCase()}`;

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // No React Fast Refresh in `dev:h5` (it needs react-refresh and its webpack plugin, which
        // are not installed); the dev server still reloads the page on change.
        hot: false,
      },
    ],
  ],
  plugins: [
    [
      'import',
      {
        libraryName: NUTUI,
        camel2DashComponentName: false,
        // NutUI on demand: `import { Button } from '@nutui/nutui-react-taro'` becomes the button
        // module plus its compiled CSS (the global style.css would cost ≈ 250 KB per target).
        customName: (name) => nutuiPackage(name),
        customStyleName: (name) => `${nutuiPackage(name)}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
};
