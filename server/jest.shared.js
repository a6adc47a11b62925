const path = require('node:path');

/** Settings both server jest configs share. Nest 12 and TypeORM 1 ship as ES modules: transform them. */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', { swcrc: true }] },
  transformIgnorePatterns: ['/node_modules/\\.pnpm/(?!(@nestjs\\+|typeorm@|@ankang\\+|content-disposition@))'],
  moduleNameMapper: {
    '^@ankang/shared$': path.join(__dirname, '../shared/src/index.ts'),
    '^@ankang/fake-wechat$': path.join(__dirname, '../tools/fake-wechat/src/index.ts'),
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};
