export { WechatPath } from './endpoints';
export type { FakeSettings, RecordedRequest, SubscribeCounts } from './fake-state';
export {
  DEFAULT_APP_ID,
  DEFAULT_APP_SECRET,
  DEFAULT_REVIEW_WORDS,
  DEFAULT_RISKY_WORDS,
  type FakeRuntimeSettings,
  type FakeStateSnapshot,
  FakeWechat,
  type FakeWechatOptions,
  startFakeWechat,
} from './fake-wechat';
export { connectFakeWechat, FakeWechatRemote, type RemoteRequests } from './fake-wechat-remote';
export type { FakeFault } from './faults';
export { DEVELOPER_USER_NAME } from './identities';
export { FakeErrcode } from './wechat-errcodes';
