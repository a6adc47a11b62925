export * from './api/auth';
export * from './api/common';
export * from './api/health';
export * from './enums';
export * from './errors';
export * from './hazard-transitions';
