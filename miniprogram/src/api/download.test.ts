import { AuthErrorCode, CommonErrorCode, WechatErrorCode } from '@ankang/shared';
import { apiError, fakeApi, ok, signIn, tokenPair } from '../../test/fake-api';
import { downloadFile, readFileSync } from '../../test/mocks/taro';
import { downloadAuthorized, extensionFor, saveInBrowser } from './download';
import { ApiError, ClientErrorCode } from './errors';

function fetchAnswering(...responses: Response[]): jest.Mock {
  const fetchMock = jest.fn();
  for (const response of responses) {
    fetchMock.mockResolvedValueOnce(response);
  }
  Object.defineProperty(globalThis, 'fetch', { value: fetchMock, configurable: true, writable: true });
  return fetchMock;
}

function jsonResponse(status: number, body: unknown): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () => JSON.stringify(body),
    blob: async () => new Blob([JSON.stringify(body)]),
  } as unknown as Response;
}

function fileResponse(contentType: string, content: string): Response {
  return {
    ok: true,
    status: 200,
    headers: new Headers({ 'content-type': contentType }),
    text: async () => content,
    blob: async () => new Blob([content], { type: contentType }),
  } as unknown as Response;
}

describe('downloads that need the bearer token', () => {
  beforeEach(() => {
    Object.defineProperty(URL, 'createObjectURL', { value: jest.fn(() => 'blob:poster-1'), configurable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: jest.fn(), configurable: true });
  });

  describe('in WeChat (Taro.downloadFile)', () => {
    beforeEach(() => {
      process.env.TARO_ENV = 'weapp';
    });

    it('downloads to a temporary file with the Authorization header', async () => {
      signIn('a');
      downloadFile.mockResolvedValue({
        statusCode: 200,
        tempFilePath: 'wxfile://tmp/code.jpg',
        errMsg: 'downloadFile:ok',
      });

      const file = await downloadAuthorized({ path: '/workplaces/42/qrcode', query: { format: 'image' } });

      expect(file.url).toBe('wxfile://tmp/code.jpg');
      expect(downloadFile).toHaveBeenCalledWith({
        url: 'http://127.0.0.1:3000/api/v1/workplaces/42/qrcode?format=image',
        header: { Authorization: 'Bearer access-a' },
      });
    });

    it('refreshes an expired token once and downloads again', async () => {
      signIn('old');
      const api = fakeApi({ 'POST /auth/refresh': ok(tokenPair('new')) });
      readFileSync.mockReturnValue(
        JSON.stringify({ code: AuthErrorCode.AccessTokenExpired, message: '登录已过期', requestId: 'r' }),
      );
      downloadFile
        .mockResolvedValueOnce({ statusCode: 401, tempFilePath: 'wxfile://tmp/error.json', errMsg: 'downloadFile:ok' })
        .mockResolvedValueOnce({ statusCode: 200, tempFilePath: 'wxfile://tmp/code.jpg', errMsg: 'downloadFile:ok' });

      const file = await downloadAuthorized({ path: '/workplaces/42/qrcode' });

      expect(file.url).toBe('wxfile://tmp/code.jpg');
      expect(api.callsTo('POST', '/auth/refresh')).toHaveLength(1);
      expect(downloadFile.mock.calls.map(([options]) => options.header.Authorization)).toEqual([
        'Bearer access-old',
        'Bearer access-new',
      ]);
    });

    it('reads the server’s coded error out of the downloaded body', async () => {
      signIn();
      readFileSync.mockReturnValue(
        JSON.stringify({
          code: WechatErrorCode.Misconfigured,
          message: '微信服务配置有误，请联系管理员',
          requestId: 'r-9',
        }),
      );
      downloadFile.mockResolvedValue({
        statusCode: 503,
        tempFilePath: 'wxfile://tmp/error.json',
        errMsg: 'downloadFile:ok',
      });

      const error = await downloadAuthorized({ path: '/workplaces/42/qrcode' }).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ code: WechatErrorCode.Misconfigured, status: 503, requestId: 'r-9' });
    });

    it('reports a failed download as a network error in Chinese', async () => {
      signIn();
      downloadFile.mockRejectedValue({ errMsg: 'downloadFile:fail timeout' });
      await expect(downloadAuthorized({ path: '/workplaces/42/qrcode' })).rejects.toMatchObject({
        code: ClientErrorCode.Network,
        message: '网络不给力，请检查网络后重试',
      });
    });
  });

  describe('in a browser (fetch + object URL)', () => {
    it('fetches with the header and hands back an object URL with the content type', async () => {
      signIn('h5');
      const fetchMock = fetchAnswering(fileResponse('image/svg+xml', '<svg/>'));

      const file = await downloadAuthorized({ path: '/workplaces/42/qrcode', query: { format: 'poster' } });

      expect(fetchMock).toHaveBeenCalledWith('/api/v1/workplaces/42/qrcode?format=poster', {
        headers: { Accept: '*/*', Authorization: 'Bearer access-h5' },
      });
      expect(file).toMatchObject({ url: 'blob:poster-1', contentType: 'image/svg+xml' });
      file.release();
      expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:poster-1');
    });

    it('turns an error answer into the API’s ApiError', async () => {
      signIn();
      fetchAnswering(
        jsonResponse(404, { code: CommonErrorCode.NotFound, message: '记录不存在或您无权查看', requestId: 'r' }),
      );
      await expect(downloadAuthorized({ path: '/org-units/99/qrcode-posters' })).rejects.toMatchObject({
        code: CommonErrorCode.NotFound,
        message: '记录不存在或您无权查看',
        status: 404,
      });
    });

    it('refreshes once on 401 and tries again with the new token', async () => {
      signIn('old');
      fakeApi({ 'POST /auth/refresh': ok(tokenPair('new')) });
      const fetchMock = fetchAnswering(
        jsonResponse(401, {
          code: AuthErrorCode.AccessTokenExpired,
          message: '登录已过期，请重新登录',
          requestId: 'r',
        }),
        fileResponse('text/html', '<html></html>'),
      );

      const file = await downloadAuthorized({ path: '/org-units/7/qrcode-posters' });

      expect(file.contentType).toBe('text/html');
      expect(fetchMock.mock.calls.map(([, init]) => init.headers.Authorization)).toEqual([
        'Bearer access-old',
        'Bearer access-new',
      ]);
    });

    it('gives up after the refresh is refused', async () => {
      signIn('old');
      fakeApi({ 'POST /auth/refresh': apiError(401, AuthErrorCode.RefreshTokenInvalid) });
      fetchAnswering(jsonResponse(401, { code: AuthErrorCode.AccessTokenExpired, message: '', requestId: 'r' }));
      await expect(downloadAuthorized({ path: '/org-units/7/qrcode-posters' })).rejects.toMatchObject({
        code: AuthErrorCode.RefreshTokenInvalid,
      });
    });

    it('saves an object URL under a file name through a download link', () => {
      const clicks: { href: string; download: string }[] = [];
      const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
        this: HTMLAnchorElement,
      ) {
        clicks.push({ href: this.getAttribute('href') ?? '', download: this.download });
      });
      saveInBrowser('blob:poster-1', '主井口-打印海报.svg');
      expect(clicks).toEqual([{ href: 'blob:poster-1', download: '主井口-打印海报.svg' }]);
      expect(document.querySelectorAll('a[download]')).toHaveLength(0);
      click.mockRestore();
    });
  });

  it('names files after their content type', () => {
    expect(extensionFor('image/jpeg', 'bin')).toBe('jpg');
    expect(extensionFor('image/svg+xml; charset=utf-8', 'bin')).toBe('svg');
    expect(extensionFor('text/html;charset=utf-8', 'bin')).toBe('html');
    expect(extensionFor(null, 'svg')).toBe('svg');
  });
});
