import { BindingMode, CommonErrorCode, OrgKind, Role } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi, ok, signIn } from '../../../../test/fake-api';
import { enterpriseFixture, meFixture, orgDetailFixture, roleAt } from '../../../../test/fixtures';
import { currentRouter, navigateBack } from '../../../../test/mocks/taro';
import OrgFormPage from './index';

const ENTERPRISE = enterpriseFixture({ ancestors: [{ id: '3', name: '海东市总工会', kind: OrgKind.Union }] });
const OFFICER = meFixture({ roles: [roleAt(Role.Officer, '7', '河口煤业有限公司', OrgKind.Enterprise)] });

function type(id: string, value: string): void {
  fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } });
}

describe('单位信息 (staff subpackage)', () => {
  it('lets an officer add a workplace, checking the code against WeChat’s alphabet first', async () => {
    signIn();
    currentRouter.params = { parentId: '7', kind: OrgKind.Workplace };
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /org-units/7': ok(ENTERPRISE),
      'POST /org-units': (req) => ok(orgDetailFixture({ id: '50', ...(req.data as object) }), 201),
    });
    render(<OrgFormPage />);

    expect(await screen.findByText('新增作业场所')).toBeTruthy();
    expect(screen.getByText('上级单位：河口煤业有限公司')).toBeTruthy();

    fireEvent.click(screen.getByText('新增', { selector: 'button *' }));
    expect(await screen.findByText('请填写名称')).toBeTruthy();

    type('org-form-name', ' 3 号车间 ');
    type('org-form-code', '车间3');
    fireEvent.click(screen.getByText('新增', { selector: 'button *' }));
    expect(await screen.findByText(/场所编码只能由字母、数字和/)).toBeTruthy();
    expect(api.callsTo('POST', '/org-units')).toHaveLength(0);

    type('org-form-code', 'HK-WS-3');
    type('org-form-address', '河口镇 3 号');
    fireEvent.click(screen.getByText('新增', { selector: 'button *' }));

    await waitFor(() => expect(navigateBack).toHaveBeenCalled());
    expect(api.callsTo('POST', '/org-units')[0].data).toEqual({
      parentId: '7',
      kind: OrgKind.Workplace,
      name: '3 号车间',
      code: 'HK-WS-3',
      address: '河口镇 3 号',
    });
  });

  it('edits an enterprise, sending only what changed', async () => {
    signIn();
    currentRouter.params = { id: '7' };
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /org-units/7': ok(ENTERPRISE),
      'PATCH /org-units/7': (req) => ok({ ...ENTERPRISE, ...(req.data as object) }),
    });
    render(<OrgFormPage />);

    expect(await screen.findByText('编辑企业')).toBeTruthy();
    fireEvent.click(screen.getByText('扫码即绑定'));
    fireEvent.click(screen.getByText('保存', { selector: 'button *' }));

    await waitFor(() => expect(navigateBack).toHaveBeenCalled());
    expect(api.callsTo('PATCH', '/org-units/7')[0].data).toEqual({ bindingMode: BindingMode.Automatic });
  });

  it('shows the server’s refusal on the form', async () => {
    signIn();
    currentRouter.params = { id: '7' };
    fakeApi({
      'GET /me': ok(OFFICER),
      'GET /org-units/7': ok(ENTERPRISE),
      'PATCH /org-units/7': {
        statusCode: 400,
        data: {
          code: CommonErrorCode.ValidationFailed,
          message: '提交的内容有误，请检查后重试',
          details: [{ field: 'name', message: '长度不能超过 100 个字符' }],
          requestId: 'r',
        },
      },
    });
    render(<OrgFormPage />);
    await screen.findByText('编辑企业');

    type('org-form-name', '河口煤业集团有限公司');
    fireEvent.click(screen.getByText('保存', { selector: 'button *' }));

    expect(await screen.findByText('长度不能超过 100 个字符')).toBeTruthy();
    expect(document.getElementById('org-form-failure')?.textContent).toBe('提交的内容有误，请检查后重试');
    expect(navigateBack).not.toHaveBeenCalled();
  });

  it('refuses to add under a node where the person may not', async () => {
    signIn();
    currentRouter.params = { parentId: '7', kind: OrgKind.Workplace };
    fakeApi({
      'GET /me': ok(meFixture({ roles: [roleAt(Role.UnionStaff, '3', '海东市总工会', OrgKind.Union)] })),
      'GET /org-units/7': ok(ENTERPRISE),
    });
    render(<OrgFormPage />);
    expect(await screen.findByText('您不能在此单位下新增单位或作业场所。')).toBeTruthy();
  });
});
