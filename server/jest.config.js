// Unit specs live beside the code; integration tests under test/ have their own config.
const shared = require('./jest.shared.js');

/** @type {import('jest').Config} */
module.exports = {
  ...shared,
  displayName: 'server-unit',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts'],
};
