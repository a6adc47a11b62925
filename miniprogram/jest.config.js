/**
 * Component tests: jsdom, babel-jest with the app's own babel.config.js (babel-preset-taro emits
 * CommonJS when NODE_ENV=test), `@tarojs/taro` and `@tarojs/components` replaced by test doubles.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.[jt]sx?$': ['babel-jest', { configFile: require.resolve('./babel.config.js') }],
  },
  // pnpm keeps packages under node_modules/.pnpm/<id>/node_modules/<name>: let NutUI (ES modules)
  // and the @swc/helpers it imports through, leave everything else alone.
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm|@nutui|@swc/helpers)/)'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/mocks/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/mocks/components.tsx',
    '\\.(css|scss|sass|less)$': '<rootDir>/test/mocks/style.js',
    '^@ankang/shared$': '<rootDir>/../shared/src/index.ts',
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  clearMocks: true,
};
