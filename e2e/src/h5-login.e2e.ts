import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { ROOT, type Stack, startStack } from './support/stack';

const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');

describe('H5 app in Chromium, on the built server with the demo province', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    stack = await startStack();
    browser = await launchChromium();
    // A phone-sized viewport: the H5 app is the mini program in a browser.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
    });
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('serves the H5 build at / with security headers that let it run', async () => {
    const response = await page.goto(`${stack.baseUrl}/`, { waitUntil: 'networkidle' });
    assert.equal(response?.status(), 200);
    const policy = response?.headers()['content-security-policy'] ?? '';
    assert.match(policy, /script-src 'self' 'sha256-/);
  });

  it('asks for privacy consent before anything personal is sent, then lists the demo users', async () => {
    await page.getByText('安康隐私保护指引').first().waitFor({ timeout: 20_000 });
    await page.locator('#privacy-agree').click();
    await page.getByText('选择演示账号登录').first().waitFor();
    await page.locator('#demo-user-demo-worker').waitFor();
    assert.match((await page.locator('#demo-user-demo-worker').textContent()) ?? '', /张建国/);
  });

  it('logs in as the demo worker and sees the home page with their name and enterprise', async () => {
    await page.locator('#demo-user-demo-worker').click();
    await page.waitForURL(/#\/pages\/index\/index/, { timeout: 15_000 });
    const greeting = page.locator('#home-greeting');
    await greeting.waitFor({ state: 'visible' });
    assert.match((await greeting.textContent()) ?? '', /张建国/);
    assert.match((await page.locator('#home-subtitle').textContent()) ?? '', /河口煤业有限公司/);
    await page.locator('#pre-shift-card').waitFor({ state: 'visible' });
    for (const entry of ['#entry-scan', '#entry-report', '#entry-training', '#entry-notice']) {
      assert.equal(await page.locator(entry).isVisible(), true, `${entry} is visible`);
    }
    // Workers get no staff workbench entry.
    assert.equal(await page.locator('#entry-workbench').count(), 0);
  });

  it('renders Chinese text with a CJK font, not boxes', async () => {
    const fontsReady = await page.evaluate(async () => {
      await document.fonts.ready;
      const canvas = document.createElement('canvas');
      const context = canvas.getContext('2d');
      if (!context) return { distinct: false };
      // Two different ideographs have different shapes in a CJK font; with no font both are the same box.
      const draw = (text: string) => {
        context.clearRect(0, 0, 64, 64);
        context.font = '48px sans-serif';
        context.fillText(text, 0, 48);
        return Array.from(context.getImageData(0, 0, 64, 64).data).join(',');
      };
      return { distinct: draw('安') !== draw('康') };
    });
    assert.equal(fontsReady.distinct, true, 'distinct glyphs for 安 and 康: a CJK font is installed');
    await page.screenshot({ path: path.join(ARTIFACTS, 'home.png'), fullPage: true });
  });

  it('loaded without script errors or blocked resources', () => {
    assert.deepEqual(problems, [], `${problems.join('\n')}\n--- server output ---\n${stack.logs()}`);
  });
});
