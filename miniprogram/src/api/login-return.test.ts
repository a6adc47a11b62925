import { LOGIN_PAGE_URL, loginUrlReturningTo, returnUrlFromParam } from './login-return';

describe('coming back after login', () => {
  const scanPage = '/pages/scan/index?scene=w%3DHK-COAL-01';

  it('carries the page, query included, through the login URL', () => {
    const url = loginUrlReturningTo(scanPage);
    expect(url).toBe(`${LOGIN_PAGE_URL}?redirect=%2Fpages%2Fscan%2Findex%3Fscene%3Dw%253DHK-COAL-01`);
    const raw = url.split('redirect=')[1];
    expect(returnUrlFromParam(raw)).toBe(scanPage);
  });

  it('takes a parameter the platform already decoded as it is', () => {
    expect(returnUrlFromParam(scanPage)).toBe(scanPage);
  });

  it('goes nowhere but a page of this app', () => {
    for (const raw of [
      undefined,
      '',
      'https%3A%2F%2Fevil.example.com%2F',
      '//evil.example.com/pages/x',
      '/pages/../../etc',
      encodeURIComponent('/pages/login/index?redirect=x'),
      '%E0%A4%A',
      'javascript:alert(1)',
    ]) {
      expect(returnUrlFromParam(raw)).toBeNull();
    }
    expect(returnUrlFromParam(encodeURIComponent('/packages/staff/org/index?id=7'))).toBe(
      '/packages/staff/org/index?id=7',
    );
  });

  it('is the plain login page when there is nowhere to return to', () => {
    expect(loginUrlReturningTo(undefined)).toBe(LOGIN_PAGE_URL);
  });
});
