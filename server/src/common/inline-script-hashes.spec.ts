import { createHash } from 'node:crypto';
import { inlineScriptHashes } from './inline-script-hashes';

describe('inlineScriptHashes', () => {
  it('hashes inline scripts only, exactly as the browser will', () => {
    const body = '!function(n){n.x=1}(window);';
    const html = `<head><script>${body}</script><script defer="defer" src="/js/app.js"></script><script></script></head>`;
    const expected = createHash('sha256').update(body).digest('base64');
    expect(inlineScriptHashes(html)).toEqual([`'sha256-${expected}'`]);
  });

  it('finds nothing in a page without inline scripts', () => {
    expect(inlineScriptHashes('<html><body><script src="/a.js"></script></body></html>')).toEqual([]);
  });
});
