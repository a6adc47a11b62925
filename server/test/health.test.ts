import { CommonErrorCode, DatabaseDriver } from '@ankang/shared';
import { testBackends } from './support/backends';
import { expectErrorShape, request } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe.each(testBackends())('platform on %s', (backend) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(backend);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers /health with the database driver it runs on', async () => {
    const response = await request('GET', `${app.baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(
      expect.objectContaining({
        status: 'ok',
        database: expect.objectContaining({
          ok: true,
          driver: backend === 'mysql' ? DatabaseDriver.Mysql : DatabaseDriver.BetterSqlite3,
        }),
      }),
    );
  });

  it('reports degraded with 503 when the database stops answering', async () => {
    const probe = await startTestApp(backend);
    await probe.dataSource.destroy();
    const response = await request('GET', `${probe.baseUrl}/health`);
    await probe.close();
    expect(response.status).toBe(503);
    expect(response.body).toEqual(expect.objectContaining({ status: 'degraded' }));
  });

  it('gives every response a request id, keeping a safe one the caller sent', async () => {
    const generated = await request('GET', `${app.baseUrl}/health`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await request('GET', `${app.baseUrl}/health`, { headers: { 'x-request-id': 'gate-7.retry-2' } });
    expect(kept.headers.get('x-request-id')).toBe('gate-7.retry-2');
    const unsafe = await request('GET', `${app.baseUrl}/health`, { headers: { 'x-request-id': 'a b\u00e9<script>' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with the common error shape', async () => {
    const response = await request('GET', `${app.baseUrl}/no-such-thing`);
    expect(response.status).toBe(404);
    expectErrorShape(response.body, CommonErrorCode.RouteNotFound);
    expect(response.body.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('refuses a body that is not JSON with a coded 400, not a 500', async () => {
    const response = await request('POST', `${app.baseUrl}/auth/wechat-login`, { rawBody: '{"code": ' });
    expect(response.status).toBe(400);
    expectErrorShape(response.body, CommonErrorCode.MalformedBody);
  });

  it('refuses an unsupported content type with a coded 415', async () => {
    const response = await request('POST', `${app.baseUrl}/auth/wechat-login`, {
      rawBody: 'code=abc',
      headers: { 'content-type': 'text/csv' },
    });
    expect(response.status).toBe(415);
    expectErrorShape(response.body, CommonErrorCode.UnsupportedMediaType);
  });

  it('refuses a body over the size limit with a coded 413', async () => {
    const response = await request('POST', `${app.baseUrl}/auth/wechat-login`, {
      body: { code: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(response.status).toBe(413);
    expectErrorShape(response.body, CommonErrorCode.PayloadTooLarge);
  });

  it('sends security headers', async () => {
    const response = await request('GET', `${app.baseUrl}/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('publishes the OpenAPI document generated from the code', async () => {
    const document = await request('GET', `${app.baseUrl.replace('/api/v1', '')}/api/docs-json`);
    expect(document.status).toBe(200);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/health', '/api/v1/auth/wechat-login', '/api/v1/auth/refresh', '/api/v1/me']),
    );
    const ui = await request('GET', `${app.baseUrl.replace('/api/v1', '')}/api/docs`);
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toContain('swagger');
  });
});
