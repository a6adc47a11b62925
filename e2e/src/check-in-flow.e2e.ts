import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { openRoute, signedInPage } from './support/demo-session';
import { ROOT, type Stack, startStack } from './support/stack';

const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');

interface AuthoredQuestion {
  id: string;
  options: { id: string }[];
  correctOptionIds: string[];
}

/**
 * 班前打卡 end to end: from the workplace landing page a fit worker declares, studies today's lesson,
 * answers the quiz with one wrong answer, studies again and passes, and gets the green card; a
 * worker with a fever gets the red card. The anti-skim wait (half the lesson) is skipped by moving
 * the attempt's opening back in the database and the page's clock forward: the server still decides.
 */
describe('pre-shift check-in and lesson in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  let database: Database.Database;
  const problems: string[] = [];

  const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();
  const watch = (page: Page, who: string) => {
    page.on('pageerror', (error) => problems.push(`${who} page error: ${error.message}`));
    page.on('response', (response) => {
      // The check-in page asks for today's card first; before the first check-in that is a 404 by design.
      const expected = response.status() === 404 && response.url().endsWith('/api/v1/check-ins/today');
      if (response.status() >= 400 && !expected) problems.push(`${who} HTTP ${response.status()} ${response.url()}`);
    });
  };

  /** Opens the lesson's quiz as if half its duration had passed: on the server and on the page's clock. */
  async function unlockQuiz(page: Page, attemptId: number): Promise<void> {
    const row = database
      .prepare(
        `SELECT v.duration_seconds AS duration FROM lesson_attempt a JOIN lesson_version v ON v.id = a.lesson_version_id
          WHERE a.id = ?`,
      )
      .get(attemptId) as { duration: number };
    const openedAt = new Date(Date.now() - row.duration * 1000).toISOString().replace('T', ' ').replace('Z', '');
    database.prepare('UPDATE lesson_attempt SET opened_at = ? WHERE id = ?').run(openedAt, attemptId);
    await page.clock.fastForward(row.duration * 1000);
    await page.locator('#quiz-start[data-unlocked="true"]:visible').click({ timeout: 15_000 });
  }

  function questionsOf(attemptId: number): AuthoredQuestion[] {
    const row = database
      .prepare(
        'SELECT v.questions AS questions FROM lesson_attempt a JOIN lesson_version v ON v.id = a.lesson_version_id WHERE a.id = ?',
      )
      .get(attemptId) as { questions: string };
    return JSON.parse(row.questions) as AuthoredQuestion[];
  }

  async function answer(page: Page, questions: AuthoredQuestion[], wrongQuestionId: string | null): Promise<void> {
    for (const question of questions) {
      const chosen =
        question.id === wrongQuestionId
          ? [question.options.find((option) => !question.correctOptionIds.includes(option.id))?.id ?? '']
          : question.correctOptionIds;
      for (const optionId of chosen) await visible(page, `#question-${question.id}-option-${optionId}`).click();
    }
    await visible(page, '#quiz-submit').click();
  }

  /** Starts today's lesson (or a retry) and returns the attempt the server opened. */
  async function openAttempt(page: Page, trigger: string): Promise<number> {
    const [response] = await Promise.all([
      page.waitForResponse(
        (candidate) => /\/lessons\/\d+\/attempts$/.test(candidate.url()) && candidate.request().method() === 'POST',
      ),
      visible(page, trigger).click({ timeout: 20_000 }),
    ]);
    return Number(((await response.json()) as { id: string }).id);
  }

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    stack = await startStack();
    database = new Database(stack.databaseFile);
    database.pragma('busy_timeout = 5000');
    browser = await launchChromium();
  });

  after(async () => {
    database?.close();
    await browser?.close();
    await stack?.stop();
  });

  it('a fit worker studies, fails once, studies again, passes and gets the green card', async () => {
    const page = await signedInPage(browser, stack.baseUrl, 'demo-worker');
    watch(page, 'worker');
    await page.clock.install();
    await openRoute(page, stack.baseUrl, '/pages/scan/index?scene=w%3DHK-COAL-01');
    await visible(page, '#scan-entry-check-in').click({ timeout: 20_000 });
    await visible(page, '#declare-submit').click({ timeout: 20_000 });

    const firstAttempt = await openAttempt(page, '#todays-lesson-start');
    await visible(page, '#lesson-title').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'check-in-1-lesson.png'), fullPage: true });
    const questions = questionsOf(firstAttempt);
    assert.ok(questions.length >= 3, 'the seeded lesson has a quiz');
    await unlockQuiz(page, firstAttempt);
    await answer(page, questions, questions[0].id);
    await visible(page, '#result-failed')
      .waitFor({ timeout: 20_000 })
      .catch(async (error: unknown) => {
        await page.screenshot({ path: path.join(ARTIFACTS, 'check-in-debug.png'), fullPage: true });
        const failure = await page.locator('#quiz-failure').allTextContents();
        throw new Error(`${(error as Error).message}\nquiz failure: ${failure.join(' | ')}`);
      });
    await page.screenshot({ path: path.join(ARTIFACTS, 'check-in-2-failed.png'), fullPage: true });

    const secondAttempt = await openAttempt(page, '#result-retry');
    await unlockQuiz(page, secondAttempt);
    await answer(page, questionsOf(secondAttempt), null);
    await visible(page, '#result-passed').waitFor({ timeout: 20_000 });
    const card = visible(page, '#card-cleared');
    await card.waitFor({ timeout: 20_000 });
    assert.match((await visible(page, '#card-worker').textContent()) ?? '', /张建国/);
    assert.match((await visible(page, '#card-workplace').textContent()) ?? '', /主井口/);
    assert.match((await visible(page, '#card-lesson').textContent()) ?? '', /\S/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'check-in-3-cleared.png'), fullPage: true });
  });

  it('a worker with a fever gets the not-cleared card', async () => {
    const page = await signedInPage(browser, stack.baseUrl, 'demo-worker-chemicals');
    watch(page, 'unfit worker');
    await openRoute(page, stack.baseUrl, '/pages/scan/index?scene=w%3DXL-CHEM-01');
    await visible(page, '#scan-entry-check-in').click({ timeout: 20_000 });
    await visible(page, '#declare-fever').click({ timeout: 20_000 });
    await visible(page, '#declare-submit').click();
    await visible(page, '#card-not-cleared').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'check-in-4-not-cleared.png'), fullPage: true });
  });

  it('ran without script errors or failed requests', () => {
    assert.deepEqual(problems, [], `${problems.join('\n')}\n--- server output ---\n${stack.logs()}`);
  });
});
