import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { openRoute, signedInPage } from './support/demo-session';
import { ROOT, type Stack, startStack } from './support/stack';

const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');
const TITLE = '关于做好冬季井下防冻防滑工作的通知';

/**
 * 安全通知 end to end: a county union cadre writes and publishes a notice to the workers of her
 * county; the background fan-out puts it in their inboxes; a coal-mine worker sees the badge on his
 * home page, opens the notice and acknowledges it (已阅知); the cadre's receipts page shows the
 * acknowledgement rate rise.
 */
describe('safety notice from the union to a worker and back in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  let staff: Page;
  let worker: Page;
  let noticeId = '';
  let rateBefore = '';
  const problems: string[] = [];

  const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();
  const watch = (page: Page, who: string) => {
    page.on('pageerror', (error) => problems.push(`${who} page error: ${error.message}`));
    page.on('response', (response) => {
      // Before a first check-in the home page's card asks for today's and gets a 404 by design.
      const expected = response.status() === 404 && response.url().endsWith('/api/v1/check-ins/today');
      if (response.status() >= 400 && !expected) problems.push(`${who} HTTP ${response.status()} ${response.url()}`);
    });
  };
  const percent = (text: string | null): number => Number(/(\d+(?:\.\d+)?)\s*%/.exec(text ?? '')?.[1] ?? Number.NaN);

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    stack = await startStack();
    browser = await launchChromium();
    staff = await signedInPage(browser, stack.baseUrl, 'demo-union-county');
    watch(staff, 'cadre');
    worker = await signedInPage(browser, stack.baseUrl, 'demo-worker');
    watch(worker, 'worker');
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('a county union cadre writes and publishes a notice to the workers of her county', async () => {
    await openRoute(staff, stack.baseUrl, '/packages/staff/workbench/index');
    await visible(staff, '#tool-notices').click({ timeout: 20_000 });
    await visible(staff, '#notice-new').click({ timeout: 20_000 });
    await visible(staff, '#notice-title').fill(TITLE);
    await visible(staff, '#notice-kind-warning').click();
    await visible(staff, '#notice-body').fill('入冬以来井口结冰，各班组上岗前清理冰雪、铺设防滑垫，严禁冒险作业。');
    await visible(staff, '#notice-role-worker').click();
    // The live audience count: the county's workers, more than none.
    await staff
      .locator('#notice-audience-count:visible')
      .filter({ hasText: /[1-9]\d*/ })
      .first()
      .waitFor({ timeout: 20_000 });
    await staff.screenshot({ path: path.join(ARTIFACTS, 'notice-1-compose.png'), fullPage: true });
    const [published] = await Promise.all([
      staff.waitForResponse(
        (candidate) => /\/notices\/\d+\/publish$/.test(candidate.url()) && candidate.request().method() === 'POST',
        { timeout: 20_000 },
      ),
      (async () => {
        await visible(staff, '#notice-publish').click();
        await visible(staff, '#action-confirm').click({ timeout: 10_000 });
      })(),
    ]);
    assert.equal(published.status(), 200);
    const notice = (await published.json()) as { id: string; state: string };
    noticeId = notice.id;
    assert.equal(notice.state, 'published');
    const rate = visible(staff, '#receipts-acknowledged-rate');
    await rate.waitFor({ timeout: 20_000 });
    rateBefore = (await rate.textContent()) ?? '';
    assert.equal(percent(rateBefore), 0, `nobody has acknowledged yet: ${rateBefore}`);
    await staff.screenshot({ path: path.join(ARTIFACTS, 'notice-2-receipts-before.png'), fullPage: true });
  });

  it('the worker sees the badge, opens the notice and acknowledges it', async () => {
    // The fan-out runs in the background: the badge appears once it has reached him.
    const badge = worker.locator('#entry-notice-badge:visible');
    for (let attempt = 0; attempt < 30 && !(await badge.count()); attempt += 1) {
      await worker.waitForTimeout(1000);
      await openRoute(worker, stack.baseUrl, '/pages/index/index');
      await visible(worker, '#home-greeting').waitFor({ timeout: 15_000 });
    }
    assert.match((await badge.first().textContent()) ?? '', /^[1-9]\d*$/);
    await worker.screenshot({ path: path.join(ARTIFACTS, 'notice-3-badge.png'), fullPage: true });

    await visible(worker, '#entry-notice').click();
    await visible(worker, `#notice-${noticeId}`).click({ timeout: 20_000 });
    const title = visible(worker, '#notice-detail-title');
    await title.waitFor({ timeout: 20_000 });
    assert.equal((await title.textContent())?.trim(), TITLE);
    await worker.screenshot({ path: path.join(ARTIFACTS, 'notice-4-detail.png'), fullPage: true });
    await visible(worker, '#notice-acknowledge').click();
    await visible(worker, '#notice-acknowledged').waitFor({ timeout: 20_000 });
    assert.match((await visible(worker, '#notice-acknowledged').textContent()) ?? '', /已阅知/);
    await worker.screenshot({ path: path.join(ARTIFACTS, 'notice-5-acknowledged.png'), fullPage: true });

    // Read: the badge no longer counts it.
    await openRoute(worker, stack.baseUrl, '/pages/index/index');
    await visible(worker, '#home-greeting').waitFor({ timeout: 15_000 });
    assert.equal(await badge.count(), 0, 'no unread notice is left');
  });

  it("the cadre's receipts show the acknowledgement rate rise", async () => {
    const rate = visible(staff, '#receipts-acknowledged-rate');
    for (let attempt = 0; attempt < 10 && !(percent(await rate.textContent()) > 0); attempt += 1) {
      await visible(staff, '#receipts-refresh').click();
      await staff.waitForTimeout(500);
    }
    const rateAfter = (await rate.textContent()) ?? '';
    assert.ok(percent(rateAfter) > percent(rateBefore), `the rate rose from ${rateBefore} to ${rateAfter}`);
    await staff.screenshot({ path: path.join(ARTIFACTS, 'notice-6-receipts-after.png'), fullPage: true });
  });

  it('ran without script errors or failed requests', () => {
    assert.deepEqual(problems, [], `${problems.join('\n')}\n--- server output ---\n${stack.logs()}`);
  });
});
