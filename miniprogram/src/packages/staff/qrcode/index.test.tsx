import { OrgKind, WechatErrorCode } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi, ok, signIn } from '../../../../test/fake-api';
import { orgDetailFixture } from '../../../../test/fixtures';
import {
  currentRouter,
  downloadFile,
  previewImage,
  readFileSync,
  saveImageToPhotosAlbum,
} from '../../../../test/mocks/taro';
import QrCodePage from './index';

const WORKPLACE = orgDetailFixture({
  id: '42',
  kind: OrgKind.Workplace,
  name: '主井口',
  code: 'HK-COAL-01',
  ancestors: [
    { id: '1', name: '青海省总工会', kind: OrgKind.Union },
    { id: '7', name: '河口煤业有限公司', kind: OrgKind.Enterprise },
  ],
});

describe('场所二维码 (staff subpackage)', () => {
  beforeEach(() => {
    currentRouter.params = { id: '42' };
  });

  it('in WeChat shows the mini program code downloaded with the token and saves it to the album', async () => {
    process.env.TARO_ENV = 'weapp';
    signIn();
    fakeApi({ 'GET /org-units/42': ok(WORKPLACE) });
    downloadFile.mockResolvedValue({
      statusCode: 200,
      tempFilePath: 'wxfile://tmp/code.jpg',
      errMsg: 'downloadFile:ok',
    });
    render(<QrCodePage />);

    expect(await screen.findByText('河口煤业有限公司 · 场所编码 HK-COAL-01')).toBeTruthy();
    await waitFor(() =>
      expect(document.getElementById('qrcode-image')?.getAttribute('src')).toBe('wxfile://tmp/code.jpg'),
    );
    expect(downloadFile).toHaveBeenCalledWith({
      url: 'http://127.0.0.1:3000/api/v1/workplaces/42/qrcode?format=image',
      header: { Authorization: 'Bearer access-1' },
    });

    fireEvent.click(screen.getByText('保存到相册'));
    await waitFor(() => expect(saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/code.jpg' }));
    fireEvent.click(screen.getByText('预览（长按可转发）'));
    expect(previewImage).toHaveBeenCalledWith({ urls: ['wxfile://tmp/code.jpg'], current: 'wxfile://tmp/code.jpg' });
  });

  it('in WeChat points to the poster when WeChat cannot make a mini program code', async () => {
    process.env.TARO_ENV = 'weapp';
    signIn();
    fakeApi({ 'GET /org-units/42': ok(WORKPLACE) });
    readFileSync.mockReturnValue(
      JSON.stringify({
        code: WechatErrorCode.Misconfigured,
        message: '微信服务配置有误，请联系管理员',
        requestId: 'r',
      }),
    );
    downloadFile
      .mockResolvedValueOnce({ statusCode: 503, tempFilePath: 'wxfile://tmp/error.json', errMsg: 'downloadFile:ok' })
      .mockResolvedValueOnce({ statusCode: 200, tempFilePath: 'wxfile://tmp/poster.svg', errMsg: 'downloadFile:ok' });
    render(<QrCodePage />);

    expect(await screen.findByText(/微信服务配置有误，请联系管理员。可改用“打印海报”/)).toBeTruthy();
    fireEvent.click(screen.getByText('打印海报'));

    await waitFor(() =>
      expect(document.getElementById('qrcode-image')?.getAttribute('src')).toBe('wxfile://tmp/poster.svg'),
    );
    expect(downloadFile.mock.calls[1][0].url).toBe('http://127.0.0.1:3000/api/v1/workplaces/42/qrcode?format=poster');
  });

  it('in a browser shows the poster and downloads it under the workplace’s name', async () => {
    signIn();
    fakeApi({ 'GET /org-units/42': ok(WORKPLACE) });
    const fetchMock = jest.fn().mockResolvedValue({
      ok: true,
      status: 200,
      headers: new Headers({ 'content-type': 'image/svg+xml' }),
      blob: async () => new Blob(['<svg/>'], { type: 'image/svg+xml' }),
      text: async () => '<svg/>',
    });
    Object.defineProperty(globalThis, 'fetch', { value: fetchMock, configurable: true, writable: true });
    Object.defineProperty(URL, 'createObjectURL', { value: () => 'blob:poster-42', configurable: true });
    const revoke = jest.fn();
    Object.defineProperty(URL, 'revokeObjectURL', { value: revoke, configurable: true });
    const saved: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    const { unmount } = render(<QrCodePage />);

    await waitFor(() => expect(document.getElementById('qrcode-image')?.getAttribute('src')).toBe('blob:poster-42'));
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/workplaces/42/qrcode?format=poster');
    await screen.findByText('主井口');
    fireEvent.click(screen.getByText('下载打印海报'));
    expect(saved).toEqual(['主井口-打印海报.svg']);

    unmount();
    expect(revoke).toHaveBeenCalledWith('blob:poster-42');
    click.mockRestore();
  });
});
