import { AuthErrorCode, BindingStatus, CommonErrorCode, OrgErrorCode, OrgKind, Role } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { apiError, fakeApi, NetworkDown, ok, signIn } from '../../../test/fake-api';
import { bindingFixture, meFixture, roleAt, workplaceCardFixture } from '../../../test/fixtures';
import {
  currentRouter,
  launchOptions,
  navigateTo,
  reLaunch,
  request,
  showModal,
  switchTab,
  taroStorage,
} from '../../../test/mocks/taro';
import { CLIENT_KEY_PATTERN } from '../../api';
import ScanPage from './index';

const CARD = workplaceCardFixture();
const CARD_PATH = '/workplaces/by-code/HK-COAL-01';
const WORKER = meFixture({ roles: [roleAt(Role.Worker, '9', '青海盐湖化工有限公司', OrgKind.Enterprise)] });

function arriveWith(scene: string): void {
  currentRouter.path = '/pages/scan/index';
  currentRouter.params = { scene };
}

function bindButton(): HTMLElement {
  const button = document.getElementById('bind-here');
  if (!button) {
    throw new Error('no 我在这里工作 button');
  }
  return button;
}

describe('workplace landing page (pages/scan/index)', () => {
  describe('reading the scene', () => {
    it('decodes a URL-encoded scene once and shows the workplace card, before any login', async () => {
      arriveWith('w%3DHK-COAL-01');
      const api = fakeApi({ [`GET ${CARD_PATH}`]: ok(CARD) });
      render(<ScanPage />);

      expect(await screen.findByText('主井口')).toBeTruthy();
      expect(document.getElementById('workplace-name')?.textContent).toBe('主井口');
      expect(document.getElementById('workplace-enterprise')?.textContent).toBe('河口煤业有限公司');
      expect(document.getElementById('workplace-industry')?.textContent).toBe('煤矿');
      expect(document.getElementById('workplace-address')?.textContent).toBe('青海省海东市互助县河口镇');
      expect(document.getElementById('workplace-grid')?.textContent).toBe('河口镇第一网格');
      expect(document.getElementById('workplace-grid-officer')?.textContent).toBe('马网格');

      expect(api.calls).toHaveLength(1);
      expect(api.calls[0].url).toBe(`/api/v1${CARD_PATH}`);
      expect(api.calls[0].header.Authorization).toBeUndefined();
      expect(reLaunch).not.toHaveBeenCalled();
    });

    it('also takes a scene that arrives already decoded', async () => {
      arriveWith('w=HK-COAL-01');
      const api = fakeApi({ [`GET ${CARD_PATH}`]: ok(CARD) });
      render(<ScanPage />);
      expect(await screen.findByText('主井口')).toBeTruthy();
      expect(api.calls.map((call) => call.path)).toEqual([CARD_PATH]);
    });

    it('encodes a code with URL characters in the path it asks for', async () => {
      arriveWith(encodeURIComponent('w=A/B?C'));
      const api = fakeApi({ 'GET /workplaces/by-code/A%2FB%3FC': ok(workplaceCardFixture({ code: 'A/B?C' })) });
      render(<ScanPage />);
      expect(await screen.findByText('主井口')).toBeTruthy();
      expect(api.calls[0].url).toBe('/api/v1/workplaces/by-code/A%2FB%3FC');
    });

    it('reads the launch query on a cold start from the QR code', async () => {
      currentRouter.params = {};
      launchOptions.path = 'pages/scan/index';
      launchOptions.query = { scene: 'w%3DHK-COAL-01' };
      fakeApi({ [`GET ${CARD_PATH}`]: ok(CARD) });
      render(<ScanPage />);
      expect(await screen.findByText('主井口')).toBeTruthy();
    });

    it('ignores a launch scene that belonged to another page', () => {
      currentRouter.params = {};
      launchOptions.path = 'pages/index/index';
      launchOptions.query = { scene: 'w%3DHK-COAL-01' };
      render(<ScanPage />);
      expect(document.getElementById('scene-invalid')).not.toBeNull();
      expect(request).not.toHaveBeenCalled();
    });

    it('says plainly that a scene which is not a workplace’s cannot be used, and asks nothing', () => {
      arriveWith('id%3D7');
      render(<ScanPage />);
      expect(document.getElementById('scene-invalid')).not.toBeNull();
      expect(screen.getByText(/这不是“安康”作业场所二维码/)).toBeTruthy();
      expect(request).not.toHaveBeenCalled();
      fireEvent.click(screen.getByText('返回首页'));
      expect(switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
    });

    it('shows the not-found state for a code the server does not know', async () => {
      arriveWith('w%3DNO-SUCH-PLACE');
      fakeApi({ 'GET /workplaces/by-code/NO-SUCH-PLACE': apiError(404, OrgErrorCode.WorkplaceNotFound) });
      render(<ScanPage />);
      await waitFor(() => expect(document.getElementById('workplace-not-found')).not.toBeNull());
      expect(screen.getByText('未找到该作业场所，请确认扫描的是入口处张贴的安康二维码')).toBeTruthy();
      expect(screen.getByText('场所编码 NO-SUCH-PLACE')).toBeTruthy();
    });

    it('offers a retry when the network fails', async () => {
      arriveWith('w%3DHK-COAL-01');
      let down = true;
      fakeApi({ [`GET ${CARD_PATH}`]: () => (down ? apiError(503, CommonErrorCode.DatabaseUnavailable) : ok(CARD)) });
      render(<ScanPage />);
      expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
      down = false;
      fireEvent.click(screen.getByText('重新加载'));
      expect(await screen.findByText('主井口')).toBeTruthy();
    });
  });

  describe('the three entries', () => {
    it('opens 班前打卡 and 随手拍 at this workplace, and 今日培训 as the tab', async () => {
      arriveWith('w%3DHK-COAL-01');
      fakeApi({ [`GET ${CARD_PATH}`]: ok(CARD) });
      render(<ScanPage />);
      await screen.findByText('主井口');

      for (const entry of ['班前打卡', '随手拍', '今日培训']) {
        expect(screen.getByText(entry)).toBeTruthy();
      }
      expect(screen.queryByText('即将上线')).toBeNull();

      fireEvent.click(screen.getByText('随手拍'));
      expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/hazard/report?scene=w%3DHK-COAL-01' });
      // The tab's workplace list offers it next time, and 班前打卡 names the place from it.
      expect(taroStorage.get('ankang.recent-workplaces')).toEqual([
        { id: '42', code: 'HK-COAL-01', name: '主井口', enterpriseName: '河口煤业有限公司' },
      ]);
      fireEvent.click(screen.getByText('今日培训'));
      expect(switchTab).toHaveBeenCalledWith({ url: '/pages/training/index' });
      fireEvent.click(document.getElementById('scan-entry-check-in') as HTMLElement);
      expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/check-in/index?workplaceId=42' });
      expect(showModal).not.toHaveBeenCalled();
    });
  });

  describe('「我在这里工作」', () => {
    it('sends a visitor without a session to login, to come back to this workplace', async () => {
      arriveWith('w%3DHK-COAL-01');
      const api = fakeApi({ [`GET ${CARD_PATH}`]: ok(CARD) });
      render(<ScanPage />);
      await screen.findByText('主井口');

      fireEvent.click(bindButton());

      const returnUrl = '/pages/scan/index?scene=w%3DHK-COAL-01';
      expect(navigateTo).toHaveBeenCalledWith({ url: `/pages/login/index?redirect=${encodeURIComponent(returnUrl)}` });
      expect(api.callsTo('GET', '/me')).toHaveLength(0);
      expect(api.callsTo('POST', '/me/enterprise-binding')).toHaveLength(0);
    });

    it('binds at once where the enterprise binds automatically', async () => {
      signIn();
      arriveWith('w%3DHK-COAL-01');
      const api = fakeApi({
        [`GET ${CARD_PATH}`]: ok(CARD),
        'GET /me': ok(WORKER),
        'POST /me/enterprise-binding': ok(bindingFixture({ status: BindingStatus.Approved }), 201),
      });
      render(<ScanPage />);
      await screen.findByText(/点下面的按钮成为本企业职工/);

      fireEvent.click(bindButton());

      expect(await screen.findByText('您是本企业职工')).toBeTruthy();
      expect(screen.getByText('已绑定「河口煤业有限公司」。')).toBeTruthy();
      const [post] = api.callsTo('POST', '/me/enterprise-binding');
      const body = post.data as { workplaceCode: string; clientKey: string };
      expect(body.workplaceCode).toBe('HK-COAL-01');
      expect(body.clientKey).toMatch(CLIENT_KEY_PATTERN);
      expect(post.header['Idempotency-Key']).toBe(body.clientKey);
      expect(post.header.Authorization).toBe('Bearer access-1');
      expect(showModal).not.toHaveBeenCalled();
    });

    it('says the request waits for the safety officer where the enterprise approves', async () => {
      signIn();
      arriveWith('w%3DHK-COAL-01');
      fakeApi({
        [`GET ${CARD_PATH}`]: ok(CARD),
        'GET /me': ok(meFixture()),
        'POST /me/enterprise-binding': ok(bindingFixture({ status: BindingStatus.Pending }), 201),
      });
      render(<ScanPage />);
      fireEvent.click(await screen.findByText('我在这里工作', { selector: 'button *' }));

      expect(await screen.findByText('已提交，等待安全员审核')).toBeTruthy();
      expect(document.getElementById('bind-here')).toBeNull();
    });

    it('keeps the same client key when the person retries after a failure', async () => {
      signIn();
      arriveWith('w%3DHK-COAL-01');
      let attempts = 0;
      const api = fakeApi({
        [`GET ${CARD_PATH}`]: ok(CARD),
        'GET /me': ok(meFixture()),
        'POST /me/enterprise-binding': () => {
          attempts += 1;
          return attempts === 1
            ? apiError(503, CommonErrorCode.DatabaseUnavailable)
            : ok(bindingFixture({ status: BindingStatus.Pending }), 201);
        },
      });
      render(<ScanPage />);
      await screen.findByText(/点下面的按钮成为本企业职工/);

      fireEvent.click(bindButton());
      expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
      expect(bindButton().textContent).toBe('重试');
      fireEvent.click(bindButton());
      expect(await screen.findByText('已提交，等待安全员审核')).toBeTruthy();

      const keys = api
        .callsTo('POST', '/me/enterprise-binding')
        .map((call) => (call.data as { clientKey: string }).clientKey);
      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);
    });

    it('re-sends with the same key on its own when the network drops', async () => {
      signIn();
      arriveWith('w%3DHK-COAL-01');
      const api = fakeApi({
        [`GET ${CARD_PATH}`]: ok(CARD),
        'GET /me': ok(meFixture()),
        'POST /me/enterprise-binding': ok(bindingFixture(), 201),
      });
      render(<ScanPage />);
      await screen.findByText(/点下面的按钮成为本企业职工/);

      const fallThrough = request.getMockImplementation();
      const sent: string[] = [];
      request.mockImplementationOnce(async (options: { data: { clientKey: string } }) => {
        sent.push(options.data.clientKey);
        throw new NetworkDown();
      });
      request.mockImplementation(fallThrough);
      fireEvent.click(bindButton());

      expect(await screen.findByText('已提交，等待安全员审核')).toBeTruthy();
      const delivered = api.callsTo('POST', '/me/enterprise-binding')[0].data as { clientKey: string };
      expect(sent).toEqual([delivered.clientKey]);
    });

    it('tells a worker of this enterprise so, with nothing to press', async () => {
      signIn();
      arriveWith('w%3DHK-COAL-01');
      fakeApi({
        [`GET ${CARD_PATH}`]: ok(CARD),
        'GET /me': ok(meFixture({ enterprise: { id: '7', name: '河口煤业有限公司' } })),
      });
      render(<ScanPage />);
      expect(await screen.findByText('您是本企业职工')).toBeTruthy();
      expect(document.getElementById('bind-here')).toBeNull();
    });

    it('shows a request still waiting here', async () => {
      signIn();
      arriveWith('w%3DHK-COAL-01');
      fakeApi({ [`GET ${CARD_PATH}`]: ok(CARD), 'GET /me': ok(meFixture({ pendingBinding: bindingFixture() })) });
      render(<ScanPage />);
      expect(await screen.findByText('已提交，等待安全员审核')).toBeTruthy();
      expect(document.getElementById('bind-here')).toBeNull();
    });

    it('shows why the last request here was refused, and lets the worker ask again', async () => {
      signIn();
      arriveWith('w%3DHK-COAL-01');
      fakeApi({
        [`GET ${CARD_PATH}`]: ok(CARD),
        'GET /me': ok(
          meFixture({ pendingBinding: bindingFixture({ status: BindingStatus.Rejected, reason: '工号不符，请核对' }) }),
        ),
      });
      render(<ScanPage />);
      expect(await screen.findByText('上次申请未通过：工号不符，请核对')).toBeTruthy();
      expect(bindButton()).toBeTruthy();
    });

    it('asks before moving a worker bound elsewhere, and sends nothing when they cancel', async () => {
      signIn();
      arriveWith('w%3DHK-COAL-01');
      const api = fakeApi({
        [`GET ${CARD_PATH}`]: ok(CARD),
        'GET /me': ok(meFixture({ enterprise: { id: '9', name: '青海盐湖化工有限公司' } })),
        'POST /me/enterprise-binding': ok(bindingFixture({ status: BindingStatus.Approved }), 201),
      });
      render(<ScanPage />);
      expect(await screen.findByText('您目前是「青海盐湖化工有限公司」的职工。')).toBeTruthy();

      showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
      fireEvent.click(bindButton());
      await waitFor(() =>
        expect(showModal).toHaveBeenCalledWith(
          expect.objectContaining({
            title: '更换所在企业',
            content: '您目前是「青海盐湖化工有限公司」的职工，确定改为「河口煤业有限公司」的职工吗？',
          }),
        ),
      );
      expect(api.callsTo('POST', '/me/enterprise-binding')).toHaveLength(0);

      fireEvent.click(bindButton());
      expect(await screen.findByText('您是本企业职工')).toBeTruthy();
      expect(api.callsTo('POST', '/me/enterprise-binding')).toHaveLength(1);
    });

    it('treats ORG_BINDING_ALREADY_BOUND as bound here', async () => {
      signIn();
      arriveWith('w%3DHK-COAL-01');
      fakeApi({
        [`GET ${CARD_PATH}`]: ok(CARD),
        'GET /me': ok(meFixture()),
        'POST /me/enterprise-binding': apiError(409, OrgErrorCode.BindingAlreadyBound),
      });
      render(<ScanPage />);
      await screen.findByText(/点下面的按钮成为本企业职工/);
      fireEvent.click(bindButton());
      expect(await screen.findByText('您是本企业职工')).toBeTruthy();
    });

    it('says so when the workplace was archived', async () => {
      signIn();
      arriveWith('w%3DHK-COAL-01');
      fakeApi({
        [`GET ${CARD_PATH}`]: ok(CARD),
        'GET /me': ok(meFixture()),
        'POST /me/enterprise-binding': apiError(409, OrgErrorCode.WorkplaceArchived),
      });
      render(<ScanPage />);
      await screen.findByText(/点下面的按钮成为本企业职工/);
      fireEvent.click(bindButton());
      await waitFor(() =>
        expect(document.getElementById('binding-failure')?.textContent).toBe('该作业场所已停用，请联系企业安全员'),
      );
    });

    it('returns to this workplace after login when the session turns out to be gone', async () => {
      signIn('old');
      arriveWith('w%3DHK-COAL-01');
      fakeApi({
        [`GET ${CARD_PATH}`]: ok(CARD),
        'GET /me': apiError(401, AuthErrorCode.AccessTokenExpired),
        'POST /auth/refresh': apiError(401, AuthErrorCode.RefreshTokenInvalid),
      });
      render(<ScanPage />);
      await screen.findByText('主井口');

      const returnUrl = '/pages/scan/index?scene=w%3DHK-COAL-01';
      await waitFor(() =>
        expect(reLaunch).toHaveBeenCalledWith({ url: `/pages/login/index?redirect=${encodeURIComponent(returnUrl)}` }),
      );
    });
  });
});
