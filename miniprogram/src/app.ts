import type { PropsWithChildren } from 'react';
import './app.scss';

/** The app shell: pages render as children; each page checks the session it needs. */
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
