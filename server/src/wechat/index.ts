export { AccessTokenHolder } from './access-token-holder';
export { fitSubscribeMessageValue } from './subscribe-message-values';
export { WechatModule, type WechatModuleAsyncOptions } from './wechat.module';
export { WechatClient } from './wechat-client';
export * from './wechat-errors';
export * from './wechat-options';
export * from './wechat-types';
