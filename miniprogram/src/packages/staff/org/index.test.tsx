import { Industry, OrgKind, type OrgUnitSummary, Role } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi, ok, type RecordedRequest, signIn } from '../../../../test/fake-api';
import { enterpriseFixture, meFixture, orgDetailFixture, orgUnitFixture, roleAt } from '../../../../test/fixtures';
import { currentRouter, downloadFile, navigateTo, reachBottom, shareFileMessage } from '../../../../test/mocks/taro';
import OrgPage from './index';

function query(req: RecordedRequest): URLSearchParams {
  return new URL(req.url, 'http://ankang.test').searchParams;
}

const PROVINCE = orgDetailFixture({ id: '1', name: '青海省总工会', childCount: 2 });
const CITY = orgDetailFixture({
  id: '3',
  name: '海东市总工会',
  parentId: '1',
  childCount: 1,
  ancestors: [{ id: '1', name: '青海省总工会', kind: OrgKind.Union }],
});
const INDUSTRY_UNION = orgUnitFixture({ id: '2', name: '青海省能源化工工会', childCount: 0 });
const ENTERPRISE = enterpriseFixture({
  ancestors: [
    { id: '1', name: '青海省总工会', kind: OrgKind.Union },
    { id: '3', name: '海东市总工会', kind: OrgKind.Union },
  ],
});
const WORKPLACE = orgDetailFixture({
  id: '42',
  kind: OrgKind.Workplace,
  name: '主井口',
  parentId: '7',
  industry: Industry.CoalMine,
  code: 'HK-COAL-01',
  address: '河口镇 1 号',
  ancestors: [...ENTERPRISE.ancestors, { id: '7', name: '河口煤业有限公司', kind: OrgKind.Enterprise }],
});

const CADRE = meFixture({
  displayName: '赵主席',
  roles: [
    roleAt(Role.UnionStaff, '1', '青海省总工会', OrgKind.Union),
    roleAt(Role.UnionStaff, '2', '青海省能源化工工会', OrgKind.Union),
  ],
});
const OFFICER = meFixture({
  displayName: '张安全',
  roles: [roleAt(Role.Officer, '7', '河口煤业有限公司', OrgKind.Enterprise)],
});

function workplaces(from: number, count: number): OrgUnitSummary[] {
  return Array.from({ length: count }, (_, index) =>
    orgUnitFixture({
      id: `w-${from + index}`,
      kind: OrgKind.Workplace,
      name: `${from + index} 号作业面`,
      parentId: '7',
      industry: Industry.CoalMine,
      code: `HK-W${from + index}`,
    }),
  );
}

describe('组织架构 (staff subpackage)', () => {
  it('lists the scope roots, opens a node with its children and walks back up by the breadcrumbs', async () => {
    signIn();
    const api = fakeApi({
      'GET /me': ok(CADRE),
      'GET /org-units': (req) => {
        const parentId = query(req).get('parentId');
        if (parentId === '1') return ok({ items: [CITY], nextCursor: null });
        if (parentId === '3') return ok({ items: [ENTERPRISE], nextCursor: null });
        return ok({ items: [PROVINCE, INDUSTRY_UNION], nextCursor: null });
      },
      'GET /org-units/1': ok(PROVINCE),
      'GET /org-units/3': ok(CITY),
      'GET /grids': ok({ items: [], nextCursor: null }),
    });
    render(<OrgPage />);

    expect(await screen.findByText('青海省能源化工工会')).toBeTruthy();
    expect(screen.getByText('我的管辖范围')).toBeTruthy();
    expect(screen.getByText('下级单位 2 个')).toBeTruthy();

    fireEvent.click(screen.getByText('青海省总工会'));
    expect(await screen.findByText('海东市总工会')).toBeTruthy();
    expect(document.getElementById('org-node-name')?.textContent).toBe('青海省总工会');
    expect(query(api.callsTo('GET', '/org-units').at(-1) as RecordedRequest).get('parentId')).toBe('1');

    fireEvent.click(screen.getByText('海东市总工会'));
    expect(await screen.findByText('河口煤业有限公司')).toBeTruthy();
    const breadcrumbs = document.getElementById('org-breadcrumbs')?.textContent;
    expect(breadcrumbs).toBe('全部›青海省总工会›海东市总工会');
    expect(screen.getByText('煤矿')).toBeTruthy();
    expect(screen.getByText('作业场所 2 个 · 互助县河口镇')).toBeTruthy();

    fireEvent.click(document.getElementById('breadcrumb-1') as HTMLElement);
    await waitFor(() => expect(document.getElementById('org-node-name')?.textContent).toBe('青海省总工会'));
    fireEvent.click(document.getElementById('breadcrumb-roots') as HTMLElement);
    expect(await screen.findByText('我的管辖范围')).toBeTruthy();
  });

  it('opens an officer’s only enterprise at once, with its workplaces and codes, and loads more at the bottom', async () => {
    signIn();
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /org-units': (req) => {
        const params = query(req);
        if (params.get('parentId') === '7') {
          return params.get('cursor') === 'page-2'
            ? ok({ items: workplaces(21, 2), nextCursor: null })
            : ok({ items: workplaces(1, 20), nextCursor: 'page-2' });
        }
        return ok({ items: [ENTERPRISE], nextCursor: null });
      },
      'GET /org-units/7': ok(ENTERPRISE),
    });
    render(<OrgPage />);

    expect(await screen.findByText('1 号作业面')).toBeTruthy();
    expect(document.getElementById('org-node-name')?.textContent).toBe('河口煤业有限公司');
    expect(screen.getByText('编码 HK-W1')).toBeTruthy();
    expect(screen.getByText('安全员审核')).toBeTruthy();
    expect(screen.getByText('批量下载二维码海报')).toBeTruthy();
    expect(screen.getByText('新增作业场所')).toBeTruthy();
    expect(screen.getByText('加载更多')).toBeTruthy();

    reachBottom();
    expect(await screen.findByText('22 号作业面')).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();
    expect(screen.getAllByText(/号作业面$/)).toHaveLength(22);
    const cursors = api.callsTo('GET', '/org-units').map((call) => query(call).get('cursor'));
    expect(cursors).toEqual([null, null, 'page-2']);

    fireEvent.click(screen.getByText('新增作业场所'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/org-form/index?parentId=7&kind=workplace' });
  });

  it('opens at the node asked for and offers a workplace’s QR code', async () => {
    signIn();
    fakeApi({
      'GET /me': ok(OFFICER),
      'GET /org-units': ok({ items: [], nextCursor: null }),
      'GET /org-units/42': ok(WORKPLACE),
    });
    currentRouter.params = { id: '42' };
    render(<OrgPage />);

    expect(await screen.findByText('查看/保存二维码')).toBeTruthy();
    expect(screen.getByText('HK-COAL-01')).toBeTruthy();
    fireEvent.click(screen.getByText('查看/保存二维码'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/qrcode/index?id=42' });
    // The workplace's roll call, for those who may read it (officers and union staff).
    fireEvent.click(screen.getByText('班组点名'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/roll-call/index?workplaceId=42' });
  });

  it('searches inside the open node by name or code', async () => {
    signIn();
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /org-units': (req) => {
        const params = query(req);
        if (params.get('withinId') === '7') {
          return ok({ items: workplaces(3, 1), nextCursor: null });
        }
        return params.get('parentId') === '7'
          ? ok({ items: workplaces(1, 5), nextCursor: null })
          : ok({ items: [ENTERPRISE], nextCursor: null });
      },
      'GET /org-units/7': ok(ENTERPRISE),
    });
    render(<OrgPage />);
    await screen.findByText('5 号作业面');

    fireEvent.change(document.getElementById('org-search') as HTMLElement, { target: { value: ' W3 ' } });
    fireEvent.click(screen.getByText('搜索'));

    expect(await screen.findByText('“W3”的搜索结果')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('5 号作业面')).toBeNull());
    expect(screen.getByText('3 号作业面')).toBeTruthy();
    const search = query(api.callsTo('GET', '/org-units').at(-1) as RecordedRequest);
    expect(search.get('withinId')).toBe('7');
    expect(search.get('q')).toBe('W3');

    fireEvent.click(screen.getByText('清除'));
    expect(await screen.findByText('5 号作业面')).toBeTruthy();
  });

  it('shows a union’s grids with their officer, the phone masked', async () => {
    signIn();
    const api = fakeApi({
      'GET /me': ok(meFixture({ roles: [roleAt(Role.UnionStaff, '3', '海东市总工会', OrgKind.Union)] })),
      'GET /org-units': (req) =>
        query(req).get('parentId') === '3'
          ? ok({ items: [ENTERPRISE], nextCursor: null })
          : ok({ items: [CITY], nextCursor: null }),
      'GET /org-units/3': ok(CITY),
      'GET /grids': ok({
        items: [
          {
            id: 'g-1',
            unionId: '3',
            unionName: '海东市总工会',
            name: '河口镇第一网格',
            officer: { id: 'u-8', displayName: '马网格', phone: '13712345678' },
            workplaceCount: 4,
            archived: false,
          },
        ],
        nextCursor: null,
      }),
    });
    render(<OrgPage />);

    expect(await screen.findByText('河口镇第一网格')).toBeTruthy();
    expect(screen.getByText('网格员：马网格 137****5678')).toBeTruthy();
    expect(query(api.callsTo('GET', '/grids')[0]).get('unionId')).toBe('3');
    expect(screen.getByText('角色授权')).toBeTruthy();
    expect(screen.queryByText('新增下级单位')).toBeNull();
  });

  it('downloads an enterprise’s posters in a browser as one HTML file', async () => {
    signIn();
    fakeApi({
      'GET /me': ok(OFFICER),
      'GET /org-units': (req) =>
        query(req).get('parentId') === '7'
          ? ok({ items: workplaces(1, 2), nextCursor: null })
          : ok({ items: [ENTERPRISE], nextCursor: null }),
      'GET /org-units/7': ok(ENTERPRISE),
    });
    const fetchMock = jest.fn().mockResolvedValue({
      ok: true,
      status: 200,
      headers: new Headers({ 'content-type': 'text/html; charset=utf-8' }),
      blob: async () => new Blob(['<html></html>'], { type: 'text/html' }),
      text: async () => '<html></html>',
    });
    Object.defineProperty(globalThis, 'fetch', { value: fetchMock, configurable: true, writable: true });
    Object.defineProperty(URL, 'createObjectURL', { value: () => 'blob:posters', configurable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: () => undefined, configurable: true });
    const saved: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    render(<OrgPage />);

    fireEvent.click(await screen.findByText('批量下载二维码海报'));

    await waitFor(() => expect(saved).toEqual(['河口煤业有限公司-场所二维码海报.html']));
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/org-units/7/qrcode-posters', {
      headers: { Accept: '*/*', Authorization: 'Bearer access-1' },
    });
    click.mockRestore();
  });

  it('in WeChat prepares the posters and sends them to a chat from a second tap', async () => {
    process.env.TARO_ENV = 'weapp';
    signIn();
    fakeApi({
      'GET /me': ok(OFFICER),
      'GET /org-units': (req) =>
        query(req).get('parentId') === '7'
          ? ok({ items: workplaces(1, 2), nextCursor: null })
          : ok({ items: [ENTERPRISE], nextCursor: null }),
      'GET /org-units/7': ok(ENTERPRISE),
    });
    downloadFile.mockResolvedValue({
      statusCode: 200,
      tempFilePath: 'wxfile://tmp/posters.html',
      errMsg: 'downloadFile:ok',
    });
    render(<OrgPage />);

    fireEvent.click(await screen.findByText('批量下载二维码海报'));
    fireEvent.click(await screen.findByText('发送到微信聊天'));

    expect(downloadFile).toHaveBeenCalledWith({
      url: 'http://127.0.0.1:3000/api/v1/org-units/7/qrcode-posters',
      header: { Authorization: 'Bearer access-1' },
    });
    expect(shareFileMessage).toHaveBeenCalledWith({
      filePath: 'wxfile://tmp/posters.html',
      fileName: '河口煤业有限公司-场所二维码海报.html',
    });
  });
});
