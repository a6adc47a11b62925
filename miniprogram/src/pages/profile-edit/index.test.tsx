import { CommonErrorCode, WorkerGroup } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi, ok, signIn } from '../../../test/fake-api';
import { meFixture } from '../../../test/fixtures';
import { navigateBack, reLaunch } from '../../../test/mocks/taro';
import ProfileEditPage from './index';

const ME = meFixture({ displayName: '李建国', employeeNumber: 'HK-0815', workerGroups: [WorkerGroup.HighRisk] });

function field(id: string): HTMLInputElement {
  const element = document.getElementById(id);
  if (!(element instanceof HTMLInputElement)) {
    throw new Error(`no input #${id}`);
  }
  return element;
}

function type(id: string, value: string): void {
  fireEvent.change(field(id), { target: { value } });
}

function save(): void {
  fireEvent.click(screen.getByText('保存', { selector: 'button *' }));
}

async function openForm(routes: Parameters<typeof fakeApi>[0] = {}) {
  signIn();
  const api = fakeApi({ 'GET /me': ok(ME), 'PATCH /me': (req) => ok({ ...ME, ...(req.data as object) }), ...routes });
  render(<ProfileEditPage />);
  await waitFor(() => expect(field('profile-name').value).toBe('李建国'));
  return api;
}

describe('编辑资料', () => {
  it('starts from the person’s profile', async () => {
    await openForm();
    expect(field('profile-employee-number').value).toBe('HK-0815');
    expect(document.getElementById(`profile-group-${WorkerGroup.HighRisk}`)?.getAttribute('aria-checked')).toBe('true');
    expect(document.getElementById(`profile-group-${WorkerGroup.NewHire}`)?.getAttribute('aria-checked')).toBe('false');
    for (const label of ['新入职', '特种作业', '外协', '高风险岗位', '非常规作业']) {
      expect(screen.getByText(new RegExp(label))).toBeTruthy();
    }
  });

  it('refuses an empty name before sending anything', async () => {
    const api = await openForm();
    type('profile-name', '   ');
    save();
    expect(await screen.findByText('请填写姓名')).toBeTruthy();
    expect(api.callsTo('PATCH', '/me')).toHaveLength(0);
  });

  it('refuses a name over 32 characters and an employee number over 32, counting Chinese characters as one', async () => {
    const api = await openForm();
    type('profile-name', '安'.repeat(33));
    type('profile-employee-number', 'N'.repeat(33));
    save();
    expect(await screen.findByText('姓名不能超过 32 个字')).toBeTruthy();
    expect(screen.getByText('工号不能超过 32 个字符')).toBeTruthy();
    expect(api.callsTo('PATCH', '/me')).toHaveLength(0);

    type('profile-name', '安'.repeat(32));
    expect(screen.queryByText('姓名不能超过 32 个字')).toBeNull();
  });

  it('saves the trimmed name, a cleared employee number and the chosen groups, then goes back', async () => {
    const api = await openForm();
    type('profile-name', '  李建国 ');
    type('profile-employee-number', '  ');
    fireEvent.click(screen.getByText('新入职'));
    fireEvent.click(screen.getByText(/高风险岗位/));
    save();

    await waitFor(() => expect(navigateBack).toHaveBeenCalled());
    expect(api.callsTo('PATCH', '/me')[0].data).toEqual({
      displayName: '李建国',
      employeeNumber: null,
      workerGroups: [WorkerGroup.NewHire],
    });
  });

  it('shows the server’s field messages when it refuses the profile', async () => {
    const api = await openForm({
      'PATCH /me': {
        statusCode: 400,
        data: {
          code: CommonErrorCode.ValidationFailed,
          message: '提交的内容有误，请检查后重试',
          details: [{ field: 'employeeNumber', message: '格式不正确' }],
          requestId: 'r-1',
        },
      },
    });
    type('profile-employee-number', 'HK 08/15');
    save();

    expect(await screen.findByText('格式不正确')).toBeTruthy();
    expect(api.callsTo('PATCH', '/me')).toHaveLength(1);
    expect(navigateBack).not.toHaveBeenCalled();
  });

  it('needs a session', () => {
    render(<ProfileEditPage />);
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });
});
