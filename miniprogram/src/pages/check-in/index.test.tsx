import {
  CommonErrorCode,
  LessonReason,
  ShiftClearance,
  TrainingErrorCode,
  WechatSubscribePurpose,
} from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { byId } from '../../../test/dom';
import { apiError, fakeApi, NetworkDown, ok, type RecordedRequest, signIn } from '../../../test/fake-api';
import { checkInCardFixture, todayAt } from '../../../test/fixtures';
import {
  currentRouter,
  navigateTo,
  reLaunch,
  request,
  requestSubscribeMessage,
  showPageAgain,
  taroStorage,
} from '../../../test/mocks/taro';
import { CLIENT_KEY_PATTERN } from '../../api';
import CheckInPage from './index';

const NOT_YET = apiError(404, CommonErrorCode.NotFound);

function arriveAt(workplaceId = '42'): void {
  currentRouter.path = '/pages/check-in/index';
  currentRouter.params = { workplaceId };
  // The landing page remembered the scanned workplace.
  taroStorage.set('ankang.recent-workplaces', [
    { id: '42', code: 'HK-COAL-01', name: '主井口', enterpriseName: '河口煤业有限公司' },
  ]);
}

async function declarationShown(): Promise<void> {
  await waitFor(() => expect(document.getElementById('declare-submit')).not.toBeNull());
}

function posted(calls: RecordedRequest[]): { workplaceId: string; clientKey: string; declaration: unknown }[] {
  return calls
    .filter((call) => call.method === 'POST' && call.path === '/check-ins')
    .map((call) => call.data as { workplaceId: string; clientKey: string; declaration: unknown });
}

describe('班前打卡 (pages/check-in)', () => {
  it('sends a visitor without a session to login, to come back to this check-in', () => {
    arriveAt();
    render(<CheckInPage />);
    const back = encodeURIComponent('/pages/check-in/index?workplaceId=42');
    expect(reLaunch).toHaveBeenCalledWith({ url: `/pages/login/index?redirect=${back}` });
    expect(request).not.toHaveBeenCalled();
  });

  it('shows today’s card instead of the form when the worker already checked in', async () => {
    signIn();
    arriveAt();
    const api = fakeApi({
      'GET /check-ins/today': ok(
        checkInCardFixture({
          clearance: ShiftClearance.Cleared,
          clearedAt: todayAt(7, 36),
          todaysLesson: null,
          passedLesson: { id: 'l-1', title: '有限空间作业', version: 2, score: 90 },
        }),
      ),
    });
    render(<CheckInPage />);

    await waitFor(() => expect(document.getElementById('card-cleared')).not.toBeNull());
    expect(byId('card-clearance').textContent).toBe('准许上岗');
    expect(byId('card-worker').textContent).toBe('李建国');
    expect(byId('card-workplace').textContent).toBe('主井口');
    expect(byId('card-enterprise').textContent).toBe('河口煤业有限公司');
    expect(byId('card-time').textContent).toMatch(/ 07:32$/);
    expect(byId('card-cleared-at').textContent).toMatch(/ 07:36$/);
    expect(byId('card-lesson').textContent).toBe('《有限空间作业》第 2 版 · 90 分 通过');
    expect(byId('card-clock').textContent).toMatch(/^现在 \d\d:\d\d:\d\d$/);
    expect(document.getElementById('declaration-form')).toBeNull();
    expect(api.callsTo('POST', '/check-ins')).toHaveLength(0);
  });

  it('says where the worker checked in today when it was another workplace', async () => {
    signIn();
    arriveAt('43');
    fakeApi({ 'GET /check-ins/today': ok(checkInCardFixture()) });
    render(<CheckInPage />);
    await waitFor(() => expect(document.getElementById('check-in-elsewhere')).not.toBeNull());
    expect(byId('check-in-elsewhere').textContent).toBe('今天已在「主井口」打卡，每天打卡一次即可。');
  });

  it('checks the temperature before sending: a number within 35.0–42.0 °C', async () => {
    signIn();
    arriveAt();
    const api = fakeApi({ 'GET /check-ins/today': NOT_YET, 'POST /check-ins': ok(checkInCardFixture(), 201) });
    render(<CheckInPage />);
    await declarationShown();
    expect(byId('check-in-workplace').textContent).toContain('主井口');

    fireEvent.change(byId('declare-temperature'), { target: { value: '34.2' } });
    fireEvent.click(byId('declare-submit'));
    expect(await screen.findByText('体温应在 35.0～42.0 °C 之间，请重新测量')).toBeTruthy();
    fireEvent.change(byId('declare-temperature'), { target: { value: '36,5x' } });
    expect(await screen.findByText('请填写体温数字，如 36.5')).toBeTruthy();

    fireEvent.click(byId('declare-other'));
    fireEvent.change(byId('declare-temperature'), { target: { value: '36.6' } });
    fireEvent.click(byId('declare-submit'));
    expect(await screen.findByText('请简单写一下哪里不舒服')).toBeTruthy();
    expect(api.callsTo('POST', '/check-ins')).toHaveLength(0);
  });

  it('declares fit in one tap and offers today’s lesson, with why and how long', async () => {
    signIn();
    arriveAt();
    const api = fakeApi({ 'GET /check-ins/today': NOT_YET, 'POST /check-ins': ok(checkInCardFixture(), 201) });
    render(<CheckInPage />);
    await declarationShown();
    expect(byId('declare-submit').textContent).toBe('身体良好，提交');

    fireEvent.click(byId('declare-submit'));

    await waitFor(() => expect(document.getElementById('todays-lesson-start')).not.toBeNull());
    const [body] = posted(api.calls);
    expect(body).toEqual({
      workplaceId: '42',
      clientKey: expect.stringMatching(CLIENT_KEY_PATTERN),
      declaration: { fever: false, cough: false, feelingUnwell: false },
    });
    expect(api.callsTo('POST', '/check-ins')[0].header['Idempotency-Key']).toBe(body.clientKey);
    expect(byId('todays-lesson-title').textContent).toBe('有限空间作业：先通风、再检测、后作业');
    expect(screen.getByText('必修')).toBeTruthy();
    expect(screen.getByText('约 3 分钟')).toBeTruthy();
    expect(document.getElementById('card-pending')).not.toBeNull();
    expect(byId('card-clearance').textContent).toBe('待完成班前培训');

    fireEvent.click(byId('todays-lesson-start'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/lesson/index?id=l-1&checkInId=ci-1' });
  });

  it('in WeChat, after a check-in, asks within a tap for the notice template first, and records the answer', async () => {
    process.env.TARO_ENV = 'weapp';
    signIn();
    arriveAt();
    requestSubscribeMessage.mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      'tmpl-notice': 'accept',
      'tmpl-alert': 'reject',
      'tmpl-reminder': 'accept',
    });
    const api = fakeApi({
      'GET /check-ins/today': NOT_YET,
      'POST /check-ins': ok(checkInCardFixture(), 201),
      'GET /me/wechat-subscriptions': ok({
        templates: [
          { purpose: WechatSubscribePurpose.HazardAlert, templateId: 'tmpl-alert', remaining: 0 },
          { purpose: WechatSubscribePurpose.HazardReminder, templateId: 'tmpl-reminder', remaining: 0 },
          { purpose: WechatSubscribePurpose.Notice, templateId: 'tmpl-notice', remaining: 0 },
        ],
      }),
      'POST /me/wechat-subscriptions': ok({ templates: [] }),
    });
    render(<CheckInPage />);
    await declarationShown();
    // Nothing is asked before the worker checked in.
    expect(api.callsTo('GET', '/me/wechat-subscriptions')).toHaveLength(0);

    fireEvent.click(byId('declare-submit'));
    await waitFor(() => byId('check-in-subscribe-button'));

    fireEvent.click(byId('check-in-subscribe-button'));

    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-notice', 'tmpl-alert', 'tmpl-reminder'] });
    await waitFor(() => expect(api.callsTo('POST', '/me/wechat-subscriptions')).toHaveLength(1));
    expect(api.callsTo('POST', '/me/wechat-subscriptions')[0].data).toEqual({
      results: { 'tmpl-notice': 'accept', 'tmpl-alert': 'reject', 'tmpl-reminder': 'accept' },
    });
    expect(document.getElementById('check-in-subscribe')).toBeNull();
  });

  it('offers no subscription on H5, nor when today’s card was already there', async () => {
    signIn();
    arriveAt();
    const api = fakeApi({ 'GET /check-ins/today': NOT_YET, 'POST /check-ins': ok(checkInCardFixture(), 201) });
    const h5 = render(<CheckInPage />);
    await declarationShown();
    fireEvent.click(byId('declare-submit'));
    await waitFor(() => byId('todays-lesson-start'));
    expect(document.getElementById('check-in-subscribe')).toBeNull();
    expect(api.callsTo('GET', '/me/wechat-subscriptions')).toHaveLength(0);
    h5.unmount();

    process.env.TARO_ENV = 'weapp';
    const again = fakeApi({ 'GET /check-ins/today': ok(checkInCardFixture()) });
    render(<CheckInPage />);
    await waitFor(() => byId('todays-lesson-start'));
    expect(document.getElementById('check-in-subscribe')).toBeNull();
    expect(again.callsTo('GET', '/me/wechat-subscriptions')).toHaveLength(0);
  });

  it('says a refresher is a refresher', async () => {
    signIn();
    arriveAt();
    fakeApi({
      'GET /check-ins/today': ok(
        checkInCardFixture({
          todaysLesson: { id: 'l-9', title: '动火作业', reason: LessonReason.Refresher, durationSeconds: 90 },
        }),
      ),
    });
    render(<CheckInPage />);
    await waitFor(() => expect(document.getElementById('todays-lesson')).not.toBeNull());
    expect(screen.getByText('复习巩固')).toBeTruthy();
    expect(screen.getByText('约 1 分 30 秒')).toBeTruthy();
  });

  it('any sign sends the declaration and shows the red card: rest, see a doctor, officers told', async () => {
    signIn();
    arriveAt();
    const api = fakeApi({
      'GET /check-ins/today': NOT_YET,
      'POST /check-ins': ok(
        checkInCardFixture({
          clearance: ShiftClearance.NotCleared,
          todaysLesson: null,
          advice: '请回家休息并及时就医，康复后再上岗，并告知班组长。',
        }),
        201,
      ),
    });
    render(<CheckInPage />);
    await declarationShown();

    fireEvent.click(byId('declare-fever'));
    expect(byId('declare-fever').getAttribute('aria-checked')).toBe('true');
    fireEvent.click(byId('declare-cough'));
    fireEvent.click(byId('declare-cough'));
    fireEvent.click(byId('declare-unwell'));
    fireEvent.click(byId('declare-other'));
    fireEvent.change(byId('declare-other-text'), { target: { value: '头痛' } });
    fireEvent.change(byId('declare-temperature'), { target: { value: '38.2' } });
    expect(byId('declare-warning').textContent).toContain('暂不上岗');
    expect(byId('declare-submit').textContent).toBe('提交申报');

    fireEvent.click(byId('declare-submit'));

    await waitFor(() => expect(document.getElementById('card-not-cleared')).not.toBeNull());
    expect(posted(api.calls)[0].declaration).toEqual({
      fever: true,
      cough: false,
      feelingUnwell: true,
      otherSymptoms: '头痛',
      temperature: 38.2,
    });
    expect(byId('card-clearance').textContent).toBe('暂不上岗');
    expect(byId('card-advice').textContent).toContain('请回家休息并及时就医');
    expect(byId('card-officers-told').textContent).toBe('已通知本企业安全员。');
    expect(document.getElementById('card-lesson')).toBeNull();
    expect(document.getElementById('todays-lesson-start')).toBeNull();
  });

  it('keeps one client key across a failed send and the retry', async () => {
    signIn();
    arriveAt();
    let down = true;
    const api = fakeApi({
      'GET /check-ins/today': NOT_YET,
      'POST /check-ins': () => {
        if (down) {
          throw new NetworkDown();
        }
        return ok(checkInCardFixture(), 201);
      },
    });
    render(<CheckInPage />);
    await declarationShown();

    fireEvent.click(byId('declare-submit'));
    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeTruthy();
    expect(byId('declare-submit').textContent).toBe('重新提交');

    down = false;
    fireEvent.click(byId('declare-submit'));
    await waitFor(() => expect(document.getElementById('todays-lesson-start')).not.toBeNull());

    // The client re-sent twice on its own, then the tap: every try carried the same key.
    const keys = new Set(posted(api.calls).map((body) => body.clientKey));
    expect(posted(api.calls).length).toBeGreaterThan(1);
    expect(keys.size).toBe(1);
  });

  it('a second check-in the same day shows the first card the server answers with', async () => {
    signIn();
    arriveAt();
    fakeApi({
      'GET /check-ins/today': NOT_YET,
      // Checked in on another phone a minute ago: the server returns that check-in.
      'POST /check-ins': ok(
        checkInCardFixture({ clearance: ShiftClearance.NotCleared, todaysLesson: null, advice: '请休息' }),
      ),
    });
    render(<CheckInPage />);
    await declarationShown();
    fireEvent.click(byId('declare-submit'));
    await waitFor(() => expect(document.getElementById('card-not-cleared')).not.toBeNull());
  });

  it('sends a worker not bound to the enterprise to 「我在这里工作」', async () => {
    signIn();
    arriveAt();
    fakeApi({
      'GET /check-ins/today': NOT_YET,
      'POST /check-ins': apiError(409, TrainingErrorCode.NotBoundToEnterprise),
    });
    render(<CheckInPage />);
    await declarationShown();
    fireEvent.click(byId('declare-submit'));

    await waitFor(() => expect(document.getElementById('check-in-not-bound')).not.toBeNull());
    expect(screen.getByText(/点「我在这里工作」绑定企业后再打卡/)).toBeTruthy();
    fireEvent.click(byId('check-in-bind'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/scan/index?scene=w%3DHK-COAL-01' });
  });

  it('reloads the card when the worker comes back from the lesson', async () => {
    signIn();
    arriveAt();
    let cleared = false;
    fakeApi({
      'GET /check-ins/today': () =>
        ok(
          cleared
            ? checkInCardFixture({ clearance: ShiftClearance.Cleared, clearedAt: todayAt(7, 40), todaysLesson: null })
            : checkInCardFixture(),
        ),
    });
    render(<CheckInPage />);
    await waitFor(() => expect(document.getElementById('card-pending')).not.toBeNull());

    cleared = true;
    showPageAgain();
    await waitFor(() => expect(document.getElementById('card-cleared')).not.toBeNull());
  });

  it('without a workplace, shows today’s card or says to scan at the entrance', async () => {
    signIn();
    currentRouter.params = {};
    fakeApi({ 'GET /check-ins/today': NOT_YET });
    render(<CheckInPage />);
    expect(await screen.findByText(/请到作业场所扫描入口处的“安康”二维码/)).toBeTruthy();
    expect(document.getElementById('declare-submit')).toBeNull();
  });

  it('offers a retry when today’s card cannot be loaded', async () => {
    signIn();
    arriveAt();
    let down = true;
    fakeApi({
      'GET /check-ins/today': () => (down ? apiError(503, CommonErrorCode.DatabaseUnavailable) : NOT_YET),
    });
    render(<CheckInPage />);
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    down = false;
    fireEvent.click(screen.getByText('重新加载'));
    await declarationShown();
  });
});
