import { configureApiClient, resetApiClient } from '../src/api';
import { resetOpenTypeDetails } from './mocks/components';
import {
  chooseMedia,
  downloadFile,
  login,
  readFileSync,
  request,
  requestSubscribeMessage,
  resetTaro,
  scanCode,
  showActionSheet,
  showModal,
  uploadFile,
} from './mocks/taro';

beforeEach(() => {
  resetTaro();
  resetOpenTypeDetails();
  request.mockReset();
  login.mockReset();
  scanCode.mockReset();
  downloadFile.mockReset();
  readFileSync.mockReset();
  uploadFile.mockReset();
  chooseMedia.mockReset();
  requestSubscribeMessage.mockReset();
  showActionSheet.mockReset();
  // A test that makes the person cancel a dialog says so with mockResolvedValueOnce.
  showModal.mockReset();
  showModal.mockImplementation(() => Promise.resolve({ confirm: true, cancel: false, errMsg: 'showModal:ok' }));
  // No network in tests: a test that fetches says what answers (fakeApi routes H5 uploads).
  Object.defineProperty(globalThis, 'fetch', {
    value: jest.fn(() => Promise.reject(new TypeError('fetch: nothing answers in this test'))),
    configurable: true,
    writable: true,
  });
  resetApiClient();
  configureApiClient({ retryDelayMs: 0 });
  process.env.TARO_ENV = 'h5';
});

// Known warnings from NutUI's own code, not ours: its loading icon sets `-webkitMask` inline (Taro
// accepts it, React DOM warns) and its Overlay uses react-transition-group's findDOMNode.
const THIRD_PARTY_WARNINGS = [/Unsupported style property %s.*-webkitMask/s, /findDOMNode is deprecated/];
const consoleError = console.error.bind(console);
jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (THIRD_PARTY_WARNINGS.some((pattern) => pattern.test(text))) {
    return;
  }
  consoleError(...args);
});
