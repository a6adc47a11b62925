import type { Browser, Page } from 'playwright-core';

/** A phone-sized page of its own (its own storage), signed in as a demo user through the H5 login page. */
export async function signedInPage(browser: Browser, baseUrl: string, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await page.locator('#privacy-agree').click({ timeout: 20_000 });
  await page.locator(`#demo-user-${username}`).click();
  await page.locator('#home-greeting').waitFor({ state: 'visible', timeout: 15_000 });
  return page;
}

/** Opens an app page by its hash route; Taro's H5 router renders a hash change only after a reload. */
export async function openRoute(page: Page, baseUrl: string, route: string): Promise<void> {
  await page.goto(`${baseUrl}/#${route}`);
  await page.reload();
}
