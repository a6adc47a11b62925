import { OrgErrorCode } from '@ankang/shared';
import { render, screen, waitFor } from '@testing-library/react';
import { apiError, fakeApi, ok, signIn } from '../../../test/fake-api';
import { workplaceCardFixture } from '../../../test/fixtures';
import { currentRouter, reLaunch, taroStorage } from '../../../test/mocks/taro';
import ReportAtWorkplacePage from './report';

function arriveWith(scene: string): void {
  currentRouter.path = '/pages/hazard/report';
  currentRouter.params = { scene };
}

describe('随手拍 at a scanned workplace (pages/hazard/report)', () => {
  it('sends a visitor without a session to login, to come back to this workplace’s report', () => {
    arriveWith('w%3DHK-COAL-01');
    render(<ReportAtWorkplacePage />);
    expect(reLaunch).toHaveBeenCalledWith({
      url: '/pages/login/index?redirect=%2Fpages%2Fhazard%2Freport%3Fscene%3Dw%253DHK-COAL-01',
    });
  });

  it('prefills the workplace the landing page just showed, without asking the server', async () => {
    signIn();
    arriveWith('w%3DHK-COAL-01');
    taroStorage.set('ankang.recent-workplaces', [
      { id: '42', code: 'HK-COAL-01', name: '主井口', enterpriseName: '河口煤业有限公司' },
    ]);
    const api = fakeApi({});
    render(<ReportAtWorkplacePage />);
    await waitFor(() => expect(document.getElementById('report-workplace-name')?.textContent).toBe('主井口'));
    expect(api.calls).toHaveLength(0);
  });

  it('fetches the public card of a workplace not seen on this phone', async () => {
    signIn();
    arriveWith('w%3DHK-COAL-01');
    const api = fakeApi({ 'GET /workplaces/by-code/HK-COAL-01': ok(workplaceCardFixture()) });
    render(<ReportAtWorkplacePage />);
    await waitFor(() => expect(document.getElementById('report-workplace-name')?.textContent).toBe('主井口'));
    expect(api.calls[0].header.Authorization).toBeUndefined();
  });

  it('lets the person choose the place when the code is unknown', async () => {
    signIn();
    arriveWith('w%3DNO-SUCH');
    fakeApi({ 'GET /workplaces/by-code/NO-SUCH': apiError(404, OrgErrorCode.WorkplaceNotFound) });
    render(<ReportAtWorkplacePage />);
    expect(await screen.findByText(/请选择或填写隐患所在的场所/)).toBeTruthy();
    expect(document.getElementById('workplace-chooser')).not.toBeNull();
  });
});
