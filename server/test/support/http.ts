export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** Real HTTP to the app under test; bodies are parsed as JSON when they are JSON. */
export async function request<T = any>(
  method: string,
  url: string,
  options: { body?: unknown; rawBody?: string; token?: string; headers?: Record<string, string> } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let payload: string | undefined;
  if (options.rawBody !== undefined) {
    payload = options.rawBody;
    headers['content-type'] ??= 'application/json';
  } else if (options.body !== undefined) {
    payload = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(url, { method, headers, body: payload });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json');
  return { status: response.status, headers: response.headers, body: (isJson && text ? JSON.parse(text) : text) as T };
}

/** Asserts the error shape every failure shares and returns it. */
export function expectErrorShape(body: any, code: string): void {
  expect(body).toEqual(
    expect.objectContaining({ code, message: expect.stringMatching(/[\u4e00-\u9fff]/), requestId: expect.any(String) }),
  );
}
