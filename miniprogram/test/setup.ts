import { configureApiClient, resetApiClient } from '../src/api';
import { login, request, resetTaro, scanCode } from './mocks/taro';

beforeEach(() => {
  resetTaro();
  request.mockReset();
  login.mockReset();
  scanCode.mockReset();
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
