import { HAZARD_CATEGORY_LABELS } from '@ankang/shared';
import { render, screen } from '@testing-library/react';
import { signIn } from '../../../test/fake-api';
import { reLaunch } from '../../../test/mocks/taro';
import ReportPage from './index';

describe('随手拍', () => {
  it('explains the 30-second flow with every category from @ankang/shared, 三违 marked', () => {
    signIn();
    render(<ReportPage />);

    for (const step of ['拍照', '选择类别', '描述', '可匿名', '提交']) {
      expect(screen.getByText(step)).toBeTruthy();
    }
    for (const label of Object.values(HAZARD_CATEGORY_LABELS)) {
      expect(screen.getByText(label)).toBeTruthy();
    }
    expect(screen.getAllByText('三违')).toHaveLength(3);
    expect(screen.getByText('即将上线')).toBeTruthy();
  });

  it('needs a session', () => {
    render(<ReportPage />);
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });
});
