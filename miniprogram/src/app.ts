import { useDidShow, useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { flushOutbox, startOutboxSync } from './features/hazards';
import './app.scss';

/**
 * The app shell: pages render as children; each page checks the session it needs. Reports queued
 * without network (待发送) are sent when the network returns and whenever the app comes to the front.
 */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    startOutboxSync();
  });
  useDidShow(() => {
    void flushOutbox();
  });
  return children;
}

export default App;
