import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { openRoute, signedInPage } from './support/demo-session';
import { solidPng } from './support/png';
import { ROOT, type Stack, startStack } from './support/stack';

const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');
const BEFORE_PHOTO = path.join(ARTIFACTS, 'hazard-before.png');
const AFTER_PHOTO = path.join(ARTIFACTS, 'hazard-after.png');

/** China's calendar date some days from now, as the deadline picker takes it. */
function chinaDate(daysFromToday: number): string {
  return new Date(Date.now() + 8 * 3600_000 + daysFromToday * 86_400_000).toISOString().slice(0, 10);
}

/**
 * 随手拍 end to end on the built product: a worker reports from the workplace landing page with a
 * photo; the enterprise's officer triages and assigns it to the worker; the worker, now the
 * assignee, starts and submits the fix with an after-photo; the officer — not the rectifier —
 * verifies; the worker sees 已销号 and the timeline.
 */
describe('hazard ticket from the gate to 已销号 in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  let worker: Page;
  let officer: Page;
  let ticketId = '';
  const problems: string[] = [];

  const watch = (page: Page, who: string) => {
    page.on('pageerror', (error) => problems.push(`${who} page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${who} console: ${message.text()}`);
    });
  };
  const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();
  const waitForState = (page: Page, label: string) =>
    visible(page, '#hazard-state').filter({ hasText: label }).waitFor({ timeout: 20_000 });

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(BEFORE_PHOTO, solidPng(64, 48, [200, 60, 40]));
    writeFileSync(AFTER_PHOTO, solidPng(64, 48, [40, 160, 80]));
    stack = await startStack();
    browser = await launchChromium();
    worker = await signedInPage(browser, stack.baseUrl, 'demo-worker');
    officer = await signedInPage(browser, stack.baseUrl, 'demo-officer');
    watch(worker, 'worker');
    watch(officer, 'officer');
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('a worker reports a hazard with a photo from the workplace landing page', async () => {
    await openRoute(worker, stack.baseUrl, '/pages/scan/index?scene=w%3DHK-COAL-01');
    await visible(worker, '#workplace-name').waitFor({ timeout: 20_000 });
    await visible(worker, '#scan-entry-report').click();
    await visible(worker, '#report-workplace-name').waitFor({ timeout: 15_000 });
    assert.equal((await visible(worker, '#report-workplace-name').textContent())?.trim(), '主井口');

    const [chooser] = await Promise.all([
      worker.waitForEvent('filechooser'),
      visible(worker, '#hazard-photo-add').click(),
    ]);
    await chooser.setFiles(BEFORE_PHOTO);
    await visible(worker, '.photo-grid__image').waitFor({ timeout: 15_000 });
    await visible(worker, '#category-violation_operation').click();
    await visible(worker, '#hazard-description').fill('3 号皮带机护罩缺失，转动部位裸露');
    await visible(worker, '#hazard-location').fill('主井口东侧');
    await visible(worker, '#visibility-named').click();
    await worker.screenshot({ path: path.join(ARTIFACTS, 'hazard-1-report-form.png'), fullPage: true });
    await visible(worker, '#hazard-submit').click();

    await visible(worker, '#report-done').waitFor({ timeout: 20_000 });
    assert.match((await visible(worker, '#report-done-code').textContent()) ?? '', /^HZ-\d{8}-\d{4}$/);
    await visible(worker, '#report-view-ticket').click();
    await waitForState(worker, '待研判');
    ticketId = new URL(worker.url().replace('#/', '')).searchParams.get('id') ?? '';
    assert.match(ticketId, /^\d+$/);
    await visible(worker, '#hazard-photos img').waitFor({ timeout: 15_000 });
  });

  it("the enterprise's officer finds it in the queue, triages it and assigns it with the 五定", async () => {
    await openRoute(officer, stack.baseUrl, '/packages/staff/hazards/index');
    await visible(officer, `#ticket-${ticketId}`).click({ timeout: 20_000 });
    await visible(officer, '#action-triage').click({ timeout: 20_000 });
    await visible(officer, '#triage-grade-general').click();
    await visible(officer, '#triage-responsible').click();
    await visible(officer, '#person-search').fill('张建国');
    await officer.locator('[id^="person-"]:visible').filter({ hasText: '张建国' }).first().click({ timeout: 15_000 });
    await visible(officer, '#triage-measures').fill('停机更换护罩，恢复前设警示');
    await visible(officer, '#triage-deadline').fill(chinaDate(3));
    await officer.screenshot({ path: path.join(ARTIFACTS, 'hazard-2-triage.png'), fullPage: true });
    await visible(officer, '#action-confirm').click();
    await waitForState(officer, '已交办');
  });

  it('the assignee starts and submits the fix with an after-photo', async () => {
    await openRoute(worker, stack.baseUrl, `/pages/hazard/detail?id=${ticketId}`);
    await visible(worker, '#action-start').click({ timeout: 20_000 });
    await visible(worker, '#action-confirm').click();
    await waitForState(worker, '整改中');
    await visible(worker, '#action-submit_fix').click();
    const [chooser] = await Promise.all([
      worker.waitForEvent('filechooser'),
      visible(worker, '#fix-photo-add').click(),
    ]);
    await chooser.setFiles(AFTER_PHOTO);
    await visible(worker, '#fix-photo img').waitFor({ timeout: 15_000 });
    await visible(worker, '#fix-note').fill('已停机更换护罩，试运行正常');
    await worker.screenshot({ path: path.join(ARTIFACTS, 'hazard-3-fix.png'), fullPage: true });
    await visible(worker, '#action-confirm').click();
    await waitForState(worker, '待验收');
  });

  it('the officer, who did not fix it, verifies it', async () => {
    await openRoute(officer, stack.baseUrl, `/pages/hazard/detail?id=${ticketId}`);
    await visible(officer, '#action-pass').click({ timeout: 20_000 });
    await visible(officer, '#action-confirm').click();
    await waitForState(officer, '已销号');
  });

  it('the worker sees 已销号 and the whole timeline', async () => {
    await openRoute(worker, stack.baseUrl, `/pages/hazard/detail?id=${ticketId}`);
    await waitForState(worker, '已销号');
    const timeline = (await visible(worker, '#hazard-timeline').textContent()) ?? '';
    for (const step of ['研判交办', '开始整改', '提交整改', '验收通过']) assert.match(timeline, new RegExp(step));
    await worker.screenshot({ path: path.join(ARTIFACTS, 'hazard-4-closed.png'), fullPage: true });
  });

  it('ran without script errors', () => {
    assert.deepEqual(problems, [], `${problems.join('\n')}\n--- server output ---\n${stack.logs()}`);
  });
});
