import { NoticeFanOutState, NoticeKind, NoticeState, OrgKind, Role, WorkerGroup } from '@ankang/shared';
import {
  bodyHtmlOf,
  bodyTextOf,
  composeRequestOf,
  emptyNoticeForm,
  type NoticeForm,
  noticeFormOf,
  percentText,
  publishAtOf,
  validateNotice,
} from '.';

const SCOPE = { id: '5', name: '海东市总工会', kind: OrgKind.Union };

function filled(overrides: Partial<NoticeForm> = {}): NoticeForm {
  return {
    ...emptyNoticeForm(SCOPE),
    title: '关于做好冬季安全生产工作的通知',
    kind: NoticeKind.Warning,
    bodyText: '各企业：\n\n入冬以来气温骤降，请做好防冻防滑。',
    ...overrides,
  };
}

describe('notice form', () => {
  it('turns plain text paragraphs into <p> HTML, escaping what looks like tags, and back', () => {
    const html = bodyHtmlOf('第一段第一行\n第一段第二行\n\n\n第二段 <b>不是标签</b> & 符号\n');
    expect(html).toBe('<p>第一段第一行<br>第一段第二行</p><p>第二段 &lt;b&gt;不是标签&lt;/b&gt; &amp; 符号</p>');
    expect(bodyTextOf(html)).toBe('第一段第一行\n第一段第二行\n\n第二段 <b>不是标签</b> & 符号');
    expect(bodyHtmlOf('  \n \n')).toBe('');
  });

  it('requires a title of at most 60 characters, a kind, a body and a scope', () => {
    expect(validateNotice(filled())).toEqual({});
    expect(validateNotice(filled({ title: '   ' })).title).toBe('请填写通知标题');
    expect(validateNotice(filled({ title: '安'.repeat(60) })).title).toBeUndefined();
    expect(validateNotice(filled({ title: '安'.repeat(61) })).title).toBe('标题不能超过 60 个字');
    const empty = validateNotice(emptyNoticeForm());
    expect(Object.keys(empty).sort()).toEqual(['bodyHtml', 'kind', 'scopeOrgUnitId', 'title']);
  });

  it('reads a scheduled publish time as China time and refuses one that is past or no time', () => {
    const now = new Date('2026-11-30T02:00:00.000Z');
    const scheduled = filled({ scheduled: true, publishDate: '2026-12-01', publishTime: '08:30' });
    expect(publishAtOf(scheduled)).toBe('2026-12-01T00:30:00.000Z');
    expect(validateNotice(scheduled, now)).toEqual({});
    expect(
      validateNotice(filled({ scheduled: true, publishDate: '2026-11-30', publishTime: '09:00' }), now).publishAt,
    ).toBe('定时发布的时间不能早于现在');
    expect(publishAtOf(filled({ scheduled: true, publishDate: '2026-02-30', publishTime: '08:00' }))).toBeUndefined();
    expect(publishAtOf(filled({ scheduled: true, publishDate: '2026-12-01', publishTime: '8点' }))).toBeUndefined();
    expect(publishAtOf(filled({ scheduled: false, publishDate: 'x' }))).toBeNull();
  });

  it('builds the request the contract names, and reads a saved notice back into the form', () => {
    const form = filled({
      workerGroups: [WorkerGroup.SpecialOperations],
      roles: [Role.Worker],
      acknowledgementRequired: false,
    });
    const request = composeRequestOf(form);
    expect(request).toEqual({
      scopeOrgUnitId: '5',
      industries: [],
      workerGroups: [WorkerGroup.SpecialOperations],
      roles: [Role.Worker],
      title: '关于做好冬季安全生产工作的通知',
      bodyHtml: '<p>各企业：</p><p>入冬以来气温骤降，请做好防冻防滑。</p>',
      kind: NoticeKind.Warning,
      acknowledgementRequired: false,
      publishAt: null,
    });
    const back = noticeFormOf({
      ...request,
      id: 'n-1',
      state: NoticeState.Scheduled,
      scope: SCOPE,
      author: { id: 'u-1', displayName: '马干事' },
      publishAt: '2026-12-01T00:30:00.000Z',
      publishedAt: null,
      withdrawnAt: null,
      fanOut: { state: NoticeFanOutState.Pending, recipients: 0 },
      updatedAt: '2026-11-30T00:00:00.000Z',
    });
    expect(back).toEqual({ ...form, scheduled: true, publishDate: '2026-12-01', publishTime: '08:30' });
  });

  it('shows rates as whole percent, rounded down so 100% means everyone', () => {
    expect(percentText(5, 10)).toBe('50%');
    expect(percentText(999, 1000)).toBe('99%');
    expect(percentText(3, 3)).toBe('100%');
    expect(percentText(0, 0)).toBe('0%');
    expect(percentText(1, 3)).toBe('33%');
  });
});
