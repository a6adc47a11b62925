import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { ROOT, type Stack, startStack } from './support/stack';

const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');

describe('workplace QR landing page in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  before(async () => {
    stack = await startStack();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the workplace of a URL-encoded scene, as a poster QR code opens it, before any login', async () => {
    await page.goto(`${stack.baseUrl}/#/pages/scan/index?scene=w%3DHK-COAL-01`);
    const name = page.locator('#workplace-name');
    await name.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match((await name.textContent()) ?? '', /主井口/);
    assert.match((await page.locator('#workplace-enterprise').textContent()) ?? '', /河口煤业有限公司/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'scan-landing.png'), fullPage: true });
  });

  it('says plainly when the scanned code is not a workplace of ours', async () => {
    await page.goto(`${stack.baseUrl}/#/pages/scan/index?scene=w%3DNO-SUCH-PLACE`);
    await page.reload();
    await page.locator('#workplace-not-found').waitFor({ state: 'visible', timeout: 20_000 });
  });
});
