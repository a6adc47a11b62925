import { LessonStatus, OrgKind, Role } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi, ok, type RecordedRequest, signIn } from '../../../../test/fake-api';
import { lessonSummaryFixture, meFixture, roleAt } from '../../../../test/fixtures';
import { navigateTo, reachBottom, showPageAgain } from '../../../../test/mocks/taro';
import LessonsPage from './index';

const OFFICER = meFixture({ roles: [roleAt(Role.Officer, '7', '河口煤业有限公司', OrgKind.Enterprise)] });

function query(call: RecordedRequest): Record<string, string> {
  return Object.fromEntries(new URL(call.url, 'http://ankang.test').searchParams);
}

describe('培训课程 list (packages/staff/lessons)', () => {
  beforeEach(() => {
    signIn();
  });

  it('lists the lessons in scope with status, version, topic and owner, and opens the editor', async () => {
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /lessons': ok({
        items: [
          lessonSummaryFixture({ id: 'l-1', status: LessonStatus.Published, version: 3 }),
          lessonSummaryFixture({ id: 'l-2', title: '动火作业', status: LessonStatus.Draft }),
        ],
        nextCursor: null,
      }),
    });
    render(<LessonsPage />);
    await waitFor(() => expect(document.getElementById('lesson-l-1')).not.toBeNull());
    const row = document.getElementById('lesson-l-1') as HTMLElement;
    expect(row.textContent).toContain('已发布');
    expect(row.textContent).toContain('第 3 版');
    expect(row.textContent).toContain('操作规程');
    expect(row.textContent).toContain('河口煤业有限公司');
    expect(query(api.callsTo('GET', '/lessons')[0])).toEqual({});

    fireEvent.click(row);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/lesson-edit/index?id=l-1' });
    fireEvent.click(document.getElementById('lesson-new') as HTMLElement);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/lesson-edit/index' });
  });

  it('filters by status tab and title, pages on, and reloads on return from the editor', async () => {
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /lessons': (req) =>
        ok(
          query(req).cursor
            ? { items: [lessonSummaryFixture({ id: 'l-3' })], nextCursor: null }
            : { items: [lessonSummaryFixture({ id: 'l-1' })], nextCursor: 'c-2' },
        ),
    });
    render(<LessonsPage />);
    await waitFor(() => expect(document.getElementById('lesson-l-1')).not.toBeNull());

    fireEvent.click(document.getElementById(`lessons-tab-${LessonStatus.Archived}`) as HTMLElement);
    await waitFor(() => expect(api.callsTo('GET', '/lessons')).toHaveLength(2));
    expect(query(api.callsTo('GET', '/lessons')[1])).toEqual({ status: 'archived' });

    fireEvent.change(document.getElementById('lessons-search') as HTMLElement, { target: { value: ' 动火 ' } });
    fireEvent.click(document.getElementById('lessons-search-submit') as HTMLElement);
    await waitFor(() => expect(api.callsTo('GET', '/lessons')).toHaveLength(3));
    expect(query(api.callsTo('GET', '/lessons')[2])).toEqual({ status: 'archived', q: '动火' });

    await waitFor(() => expect(document.getElementById('lesson-l-1')).not.toBeNull());
    reachBottom();
    await waitFor(() => expect(document.getElementById('lesson-l-3')).not.toBeNull());
    expect(query(api.callsTo('GET', '/lessons')[3]).cursor).toBe('c-2');

    showPageAgain();
    await waitFor(() => expect(api.callsTo('GET', '/lessons')).toHaveLength(5));
  });

  it('tells a person without lesson management that the page is not theirs', async () => {
    fakeApi({
      'GET /me': ok(meFixture({ roles: [roleAt(Role.Admin, '1', '青海省总工会', OrgKind.Union)] })),
      'GET /lessons': ok({ items: [], nextCursor: null }),
    });
    render(<LessonsPage />);
    expect(await screen.findByText('培训课程由企业安全员和工会干部管理。')).toBeTruthy();
  });
});
