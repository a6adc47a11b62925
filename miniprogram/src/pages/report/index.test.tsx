import {
  HAZARD_CATEGORY_LABELS,
  HazardCategory,
  HazardErrorCode,
  HazardState,
  ReporterVisibility,
  type ReportHazardRequest,
} from '@ankang/shared';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { byId } from '../../../test/dom';
import { apiError, fakeApi, NetworkDown, ok, type RecordedRequest, signIn, signInAs } from '../../../test/fake-api';
import { installFakeIndexedDb } from '../../../test/fake-indexed-db';
import { hazardDetailFixture, workplaceCardFixture } from '../../../test/fixtures';
import { navigateTo, reLaunch, requestSubscribeMessage, setNetwork, taroStorage } from '../../../test/mocks/taro';
import { installObjectUrls, nextPhotosChosen } from '../../../test/photos';
import { CLIENT_KEY_PATTERN } from '../../api';
import { startOutboxSync } from '../../features/hazards';
import ReportPage from './index';

const RECENT = [{ id: '42', code: 'HK-COAL-01', name: '主井口', enterpriseName: '河口煤业有限公司' }];

function type(id: string, value: string): void {
  fireEvent.change(byId(id), { target: { value } });
}

/** A server that stores photos (p-1, p-2, … by client key) and reports (one ticket per client key). */
function hazardServer(options: { followToken?: string } = {}) {
  const photos = new Map<string, string>();
  const tickets = new Map<string, ReportHazardRequest>();
  const api = fakeApi({
    'POST /hazard-photos': (req: RecordedRequest) => {
      const { clientKey } = req.data as { clientKey: string };
      if (!photos.has(clientKey)) {
        photos.set(clientKey, `p-${photos.size + 1}`);
      }
      return ok({ id: photos.get(clientKey) }, 201);
    },
    'POST /hazards': (req: RecordedRequest) => {
      const body = req.data as ReportHazardRequest;
      tickets.set(body.clientKey, body);
      return ok(
        {
          ticket: hazardDetailFixture({
            reporterVisibility: body.reporterVisibility,
            reporter:
              body.reporterVisibility === ReporterVisibility.Anonymous ? null : { id: 'u-7', displayName: '王小明' },
          }),
          followToken:
            body.reporterVisibility === ReporterVisibility.Anonymous ? (options.followToken ?? 'follow-1') : null,
        },
        201,
      );
    },
  });
  return { api, photos, tickets };
}

async function fillReport(options: { photos?: number; visibility?: ReporterVisibility; keepWorkplace?: boolean } = {}) {
  if (!options.keepWorkplace) {
    fireEvent.click(byId('workplace-option-42'));
  }
  nextPhotosChosen(options.photos ?? 2);
  fireEvent.click(byId('hazard-photo-add'));
  await waitFor(() => expect(document.querySelectorAll('.photo-grid__image')).toHaveLength(options.photos ?? 2));
  fireEvent.click(byId(`category-${HazardCategory.ViolationOperation}`));
  type('hazard-description', '  3 号皮带机护罩缺失，有人违章跨越  ');
  type('hazard-location', '主井口东侧');
  fireEvent.click(byId(`visibility-${options.visibility ?? ReporterVisibility.Named}`));
}

function setOnline(online: boolean): void {
  Object.defineProperty(window.navigator, 'onLine', { value: online, configurable: true });
}

describe('随手拍 (report form)', () => {
  let stopSync: () => void = () => undefined;

  beforeEach(() => {
    installObjectUrls();
    installFakeIndexedDb();
    taroStorage.set('ankang.recent-workplaces', RECENT);
    setOnline(true);
  });

  afterEach(() => {
    stopSync();
    setOnline(true);
  });

  it('needs a session and comes back to the tab after login', () => {
    render(<ReportPage />);
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index?redirect=%2Fpages%2Freport%2Findex' });
  });

  it('offers every category from @ankang/shared, 三违 marked, and explains each way of reporting', () => {
    signIn();
    render(<ReportPage />);
    for (const [category, label] of Object.entries(HAZARD_CATEGORY_LABELS)) {
      expect(byId(`category-${category}`).textContent).toContain(label);
    }
    expect(screen.getAllByText('三违')).toHaveLength(3);
    expect(byId('visibility-named').textContent).toContain('处理人员能看到您的姓名');
    expect(byId('visibility-hidden_from_enterprise').textContent).toContain('企业的安全员和整改人看不到您的姓名');
    expect(byId('visibility-anonymous').textContent).toContain('不记录上报人');
  });

  it('finds the workplace by the code printed under the QR code when none was scanned here', async () => {
    signIn();
    taroStorage.delete('ankang.recent-workplaces');
    const api = fakeApi({ 'GET /workplaces/by-code/HK-COAL-01': ok(workplaceCardFixture()) });
    render(<ReportPage />);
    expect(document.getElementById('workplace-option-42')).toBeNull();

    type('workplace-code-input', '河口');
    fireEvent.click(byId('workplace-code-submit'));
    expect(await screen.findByText('请填写入口二维码下方印的场所编码，如 HK-COAL-01')).toBeTruthy();
    expect(api.calls).toHaveLength(0);

    type('workplace-code-input', ' HK-COAL-01 ');
    fireEvent.click(byId('workplace-code-submit'));
    await waitFor(() => expect(byId('report-workplace-name').textContent).toBe('主井口'));
  });

  it('says what is missing and sends nothing', async () => {
    signIn();
    const { api } = hazardServer();
    render(<ReportPage />);

    fireEvent.click(byId('hazard-submit'));

    expect(await screen.findByText('请选择隐患所在的作业场所')).toBeTruthy();
    expect(screen.getByText('请拍摄或选择 1 到 9 张照片')).toBeTruthy();
    expect(screen.getByText('请选择隐患类别')).toBeTruthy();
    expect(screen.getByText('请描述看到的隐患')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });

  it('counts the description as it is typed and refuses more than 500 characters', async () => {
    signIn();
    const { api } = hazardServer();
    render(<ReportPage />);
    type('hazard-description', '护罩缺失');
    expect(byId('hazard-description-counter').textContent).toBe('4/500');

    type('hazard-description', '隐'.repeat(501));
    expect(byId('hazard-description-counter').textContent).toBe('501/500');
    fireEvent.click(byId('hazard-submit'));
    expect(await screen.findByText('描述不能超过 500 字')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });

  it('uploads each photo with its own key, then reports with the report’s key', async () => {
    signIn();
    const { api } = hazardServer();
    render(<ReportPage />);
    await fillReport();

    fireEvent.click(byId('hazard-submit'));

    expect(await screen.findByText('上报成功')).toBeTruthy();
    expect(byId('report-done-code').textContent).toBe('HZ-20261129-0001');
    const uploads = api.callsTo('POST', '/hazard-photos');
    // H5 posts the chosen files' bytes with fetch (no XHR back to the blob: URL).
    expect(uploads.map((call) => [call.fileName, call.file?.size])).toEqual([
      ['photo.jpg', 10],
      ['photo.jpg', 10],
    ]);
    const photoKeys = uploads.map((call) => (call.data as { clientKey: string }).clientKey);
    expect(new Set(photoKeys).size).toBe(2);
    for (const [index, call] of uploads.entries()) {
      expect(call.data).toEqual({ clientKey: photoKeys[index], kind: 'report' });
      expect(call.header.Authorization).toBe('Bearer access-1');
      expect(call.header['Idempotency-Key']).toBe(photoKeys[index]);
    }
    const [report] = api.callsTo('POST', '/hazards');
    const body = report.data as ReportHazardRequest;
    expect(body).toEqual({
      clientKey: expect.stringMatching(CLIENT_KEY_PATTERN),
      workplaceId: '42',
      category: HazardCategory.ViolationOperation,
      description: '3 号皮带机护罩缺失，有人违章跨越',
      locationNote: '主井口东侧',
      reporterVisibility: ReporterVisibility.Named,
      photoIds: ['p-1', 'p-2'],
    });
    expect(report.header['Idempotency-Key']).toBe(body.clientKey);
    expect(photoKeys).not.toContain(body.clientKey);

    fireEvent.click(byId('report-view-ticket'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/hazard/detail?id=501' });
  });

  it('retries with the same keys and uploads only what is missing', async () => {
    signIn();
    let photoCalls = 0;
    let reportCalls = 0;
    const api = fakeApi({
      'POST /hazard-photos': (req) => {
        photoCalls += 1;
        // The second photo meets a busy server the first time.
        return photoCalls === 2
          ? apiError(503, 'COMMON_DATABASE_UNAVAILABLE' as never)
          : ok({ id: `p-${(req.data as { clientKey: string }).clientKey.slice(0, 4)}` }, 201);
      },
      'POST /hazards': () => {
        reportCalls += 1;
        return reportCalls === 1
          ? apiError(500, 'COMMON_INTERNAL' as never)
          : ok({ ticket: hazardDetailFixture(), followToken: null }, 201);
      },
    });
    render(<ReportPage />);
    await fillReport();

    fireEvent.click(byId('hazard-submit'));
    expect(await screen.findByText('服务暂时不可用，请稍后再试', { selector: '#report-failure' })).toBeTruthy();
    fireEvent.click(byId('hazard-submit'));
    expect(await screen.findByText('服务器开小差了，请稍后再试', { selector: '#report-failure' })).toBeTruthy();
    fireEvent.click(byId('hazard-submit'));
    expect(await screen.findByText('上报成功')).toBeTruthy();

    const uploads = api.callsTo('POST', '/hazard-photos').map((call) => (call.data as { clientKey: string }).clientKey);
    // Photo 1 once; photo 2 refused once, then sent again with the same key; never again after that.
    expect(uploads).toHaveLength(3);
    expect(uploads[1]).toBe(uploads[2]);
    const reports = api.callsTo('POST', '/hazards').map((call) => call.data as ReportHazardRequest);
    expect(reports).toHaveLength(2);
    expect(reports[0].clientKey).toBe(reports[1].clientKey);
    expect(reports[1].photoIds).toEqual(reports[0].photoIds);
  });

  it('starts a new report, with a new key, after 再报一条', async () => {
    signIn();
    const { api } = hazardServer();
    render(<ReportPage />);
    await fillReport({ photos: 1 });
    fireEvent.click(byId('hazard-submit'));
    await screen.findByText('上报成功');

    fireEvent.click(byId('report-again'));
    // The same place, an empty form.
    expect(byId('report-workplace-name').textContent).toBe('主井口');
    expect((byId('hazard-description') as HTMLTextAreaElement).value).toBe('');
    await fillReport({ photos: 1, keepWorkplace: true });
    fireEvent.click(byId('hazard-submit'));
    await screen.findByText('上报成功');

    const keys = api.callsTo('POST', '/hazards').map((call) => (call.data as ReportHazardRequest).clientKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('shows the server’s reason when it refuses the description', async () => {
    signIn();
    fakeApi({
      'POST /hazard-photos': ok({ id: 'p-1' }, 201),
      'POST /hazards': apiError(400, HazardErrorCode.ContentRisky),
    });
    render(<ReportPage />);
    await fillReport({ photos: 1 });
    fireEvent.click(byId('hazard-submit'));
    expect(await screen.findByText('描述中含有不当内容，请修改后再提交', { selector: '#report-failure' })).toBeTruthy();
    expect(taroStorage.get('ankang.hazard-outbox')).toBeUndefined();
  });

  describe('anonymous reports', () => {
    it('keeps the follow-up token on the phone for the person who reported', async () => {
      signInAs('7');
      hazardServer({ followToken: 'token-abc' });
      render(<ReportPage />);
      await fillReport({ visibility: ReporterVisibility.Anonymous });

      fireEvent.click(byId('hazard-submit'));

      expect(await screen.findByText(/匿名上报不记录您的身份/)).toBeTruthy();
      expect(taroStorage.get('ankang.hazard-follow-tokens')).toEqual([
        {
          ownerId: '7',
          token: 'token-abc',
          code: 'HZ-20261129-0001',
          category: HazardCategory.UnsafeCondition,
          workplaceName: '主井口',
          enterpriseName: '河口煤业有限公司',
          reportedAt: '2026-11-29T01:30:00.000Z',
        },
      ]);
      fireEvent.click(byId('report-view-ticket'));
      expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/hazard/follow?code=HZ-20261129-0001' });
    });
  });

  describe('without network', () => {
    it('queues the report with its photos when the phone is offline, then sends it once when the network returns', async () => {
      signInAs('7');
      const { api, tickets } = hazardServer();
      stopSync = startOutboxSync();
      render(<ReportPage />);
      await fillReport();
      setOnline(false);

      fireEvent.click(byId('hazard-submit'));

      expect(await screen.findByText('已保存，待发送')).toBeTruthy();
      expect(api.calls).toHaveLength(0);
      const [queued] = taroStorage.get('ankang.hazard-outbox') as { clientKey: string; photos: unknown[] }[];
      expect(queued.photos).toHaveLength(2);

      setOnline(true);
      act(() => {
        window.dispatchEvent(new Event('online'));
        window.dispatchEvent(new Event('online'));
      });

      await waitFor(() => expect(taroStorage.get('ankang.hazard-outbox')).toEqual([]));
      expect(api.callsTo('POST', '/hazard-photos')).toHaveLength(2);
      expect(api.callsTo('POST', '/hazards')).toHaveLength(1);
      expect([...tickets.keys()]).toEqual([queued.clientKey]);
    });

    it('queues the report when sending fails for lack of network, keeping the photos already uploaded', async () => {
      signInAs('7');
      let reachable = true;
      const photoKeys: string[] = [];
      const reports: ReportHazardRequest[] = [];
      const api = fakeApi({
        'POST /hazard-photos': (req) => {
          if (!reachable) {
            throw new NetworkDown();
          }
          const { clientKey } = req.data as { clientKey: string };
          photoKeys.push(clientKey);
          // The signal drops right after the first photo arrives.
          reachable = false;
          return ok({ id: `p-${photoKeys.length}` }, 201);
        },
        'POST /hazards': (req) => {
          reports.push(req.data as ReportHazardRequest);
          return ok({ ticket: hazardDetailFixture({ state: HazardState.Submitted }), followToken: null }, 201);
        },
      });
      render(<ReportPage />);
      await fillReport();

      fireEvent.click(byId('hazard-submit'));

      expect(await screen.findByText('已保存，待发送')).toBeTruthy();
      const [queued] = taroStorage.get('ankang.hazard-outbox') as {
        clientKey: string;
        photos: { clientKey: string; photoId: string | null; blobKey?: string }[];
      }[];
      expect(queued.photos.map((photo) => photo.photoId)).toEqual(['p-1', null]);
      expect(queued.photos[0].clientKey).toBe(photoKeys[0]);

      reachable = true;
      const { flushOutbox } = await import('../../features/hazards');
      await act(() => flushOutbox());
      await act(() => flushOutbox());

      expect(photoKeys).toEqual([queued.photos[0].clientKey, queued.photos[1].clientKey]);
      expect(reports).toHaveLength(1);
      expect(reports[0]).toMatchObject({ clientKey: queued.clientKey, photoIds: ['p-1', 'p-2'] });
      expect(taroStorage.get('ankang.hazard-outbox')).toEqual([]);
      expect(api.callsTo('POST', '/hazards')).toHaveLength(1);
    });
  });

  describe('in WeChat', () => {
    beforeEach(() => {
      process.env.TARO_ENV = 'weapp';
    });

    it('uploads the temporary files and, on a tap after success, asks to send progress notices', async () => {
      signIn();
      const routes = fakeApi({
        'POST /hazard-photos': (req) =>
          ok({ id: `p-${(req.data as { clientKey: string }).clientKey.slice(0, 6)}` }, 201),
        'POST /hazards': ok({ ticket: hazardDetailFixture(), followToken: null }, 201),
        'GET /me/wechat-subscriptions': ok({
          templates: [{ purpose: 'hazard_alert', templateId: 'tmpl-1', remaining: 0 }],
        }),
        'POST /me/wechat-subscriptions': ok({}),
      });
      requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-1': 'accept' });
      render(<ReportPage />);
      fireEvent.click(byId('workplace-option-42'));
      nextPhotosChosen(1, { weapp: true });
      fireEvent.click(byId('hazard-photo-add'));
      await waitFor(() => expect(document.querySelectorAll('.photo-grid__image')).toHaveLength(1));
      fireEvent.click(byId(`category-${HazardCategory.UnsafeCondition}`));
      type('hazard-description', '配电箱门敞开');
      fireEvent.click(byId('hazard-submit'));

      await waitFor(() => byId('report-subscribe'));
      expect(routes.callsTo('POST', '/hazard-photos')[0].filePath).toBe('wxfile://tmp/photo-1.jpg');
      fireEvent.click(byId('report-subscribe'));
      expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-1'] });
      await waitFor(() =>
        expect(routes.callsTo('POST', '/me/wechat-subscriptions')[0]?.data).toEqual({
          results: { 'tmpl-1': 'accept' },
        }),
      );
    });

    it('queues at once when WeChat reports no network', async () => {
      signInAs('7');
      const { api } = hazardServer();
      render(<ReportPage />);
      fireEvent.click(byId('workplace-option-42'));
      nextPhotosChosen(1, { weapp: true });
      fireEvent.click(byId('hazard-photo-add'));
      await waitFor(() => expect(document.querySelectorAll('.photo-grid__image')).toHaveLength(1));
      fireEvent.click(byId(`category-${HazardCategory.UnsafeCondition}`));
      type('hazard-description', '配电箱门敞开');
      setNetwork('none');

      fireEvent.click(byId('hazard-submit'));

      expect(await screen.findByText('已保存，待发送')).toBeTruthy();
      expect(api.calls).toHaveLength(0);
      const [queued] = taroStorage.get('ankang.hazard-outbox') as { photos: { filePath: string }[] }[];
      expect(queued.photos[0].filePath).toBe('wxfile://store/photo-1.jpg');
    });
  });
});
