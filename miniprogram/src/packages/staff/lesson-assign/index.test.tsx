import { addChinaDays, chinaDateOf, LessonStatus, OrgKind, TrainingErrorCode } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { byId } from '../../../../test/dom';
import { apiError, fakeApi, ok, type RecordedRequest, signIn } from '../../../../test/fake-api';
import { lessonDetailFixture, orgUnitFixture } from '../../../../test/fixtures';
import { currentRouter } from '../../../../test/mocks/taro';
import LessonAssignPage from './index';

const TODAY = chinaDateOf(new Date());
const LESSON = lessonDetailFixture({
  status: LessonStatus.Published,
  owner: { id: '3', name: '互助县总工会', kind: OrgKind.Union },
});

function query(call: RecordedRequest): Record<string, string> {
  return Object.fromEntries(new URL(call.url, 'http://ankang.test').searchParams);
}

function routes(extra = {}) {
  return {
    'GET /lessons/l-1': ok(LESSON),
    'GET /lessons/l-1/assignments': ok({
      items: [
        {
          id: 'as-1',
          lessonId: 'l-1',
          orgUnit: { id: '7', name: '河口煤业有限公司', kind: OrgKind.Enterprise },
          dueOn: '2026-12-31',
          createdAt: '2026-11-29T01:00:00.000Z',
        },
      ],
      nextCursor: null,
    }),
    'GET /org-units': (req: RecordedRequest) => {
      const params = query(req);
      if (params.q) {
        return ok({
          items: [orgUnitFixture({ id: '8', name: '互助化工', kind: OrgKind.Enterprise })],
          nextCursor: null,
        });
      }
      if (params.parentId === '3') {
        return ok({
          items: [
            orgUnitFixture({ id: '4', name: '河口镇工会', kind: OrgKind.Union, childCount: 2 }),
            orgUnitFixture({ id: '7', name: '河口煤业有限公司', kind: OrgKind.Enterprise, childCount: 3 }),
          ],
          nextCursor: null,
        });
      }
      return ok({
        items: [
          orgUnitFixture({ id: '9', name: '河口砖厂', kind: OrgKind.Enterprise }),
          orgUnitFixture({ id: '42', name: '主井口', kind: OrgKind.Workplace }),
        ],
        nextCursor: null,
      });
    },
    ...extra,
  };
}

describe('指派课程 (packages/staff/lesson-assign)', () => {
  beforeEach(() => {
    signIn();
    currentRouter.path = '/packages/staff/lesson-assign/index';
    currentRouter.params = { id: 'l-1' };
  });

  it('shows where the lesson is assigned already', async () => {
    fakeApi(routes());
    render(<LessonAssignPage />);
    await waitFor(() => expect(document.getElementById('assignment-as-1')).not.toBeNull());
    expect(byId('assignment-as-1').textContent).toContain('河口煤业有限公司');
    expect(byId('assignment-as-1').textContent).toContain('2026-12-31 前完成');
  });

  it('assigns to a node under the lesson’s owner, browsed or searched, by a due date not before today', async () => {
    const api = fakeApi(
      routes({
        'POST /lessons/l-1/assignments': (req: RecordedRequest) =>
          ok(
            {
              id: 'as-2',
              lessonId: 'l-1',
              orgUnit: { id: '9', name: '河口砖厂', kind: OrgKind.Enterprise },
              dueOn: (req.data as { dueOn: string }).dueOn,
              createdAt: new Date().toISOString(),
            },
            201,
          ),
      }),
    );
    render(<LessonAssignPage />);
    await waitFor(() => expect(document.getElementById('node-4')).not.toBeNull());
    expect(query(api.callsTo('GET', '/org-units')[0])).toEqual({ parentId: '3' });
    // Enterprises hold workers; only unions go deeper.
    expect(document.getElementById('node-7-open')).toBeNull();

    fireEvent.click(byId('assign-submit'));
    expect(await screen.findByText('请选择要指派的单位')).toBeTruthy();

    fireEvent.click(byId('node-4-open'));
    await waitFor(() => expect(document.getElementById('node-9')).not.toBeNull());
    // Workplaces hold no workers of their own: not offered.
    expect(document.getElementById('node-42')).toBeNull();
    fireEvent.click(byId('node-9').firstElementChild as HTMLElement);
    expect(byId('assign-node-chosen').textContent).toBe('已选：河口砖厂');

    fireEvent.change(byId('assign-due-on'), { target: { value: addChinaDays(TODAY, -1) } });
    fireEvent.click(byId('assign-submit'));
    expect(await screen.findByText('完成期限不能早于今天')).toBeTruthy();
    expect(api.callsTo('POST', '/lessons/l-1/assignments')).toHaveLength(0);

    fireEvent.change(byId('assign-due-on'), { target: { value: addChinaDays(TODAY, 10) } });
    fireEvent.click(byId('assign-submit'));
    await waitFor(() => expect(document.getElementById('assignment-as-2')).not.toBeNull());
    expect(api.callsTo('POST', '/lessons/l-1/assignments')[0].data).toEqual({
      orgUnitId: '9',
      dueOn: addChinaDays(TODAY, 10),
    });

    // Search the owner's subtree.
    fireEvent.change(byId('assign-node-search'), { target: { value: '化工' } });
    fireEvent.click(byId('assign-node-search-submit'));
    await waitFor(() => expect(document.getElementById('node-8')).not.toBeNull());
    expect(query(api.callsTo('GET', '/org-units').at(-1) as RecordedRequest)).toEqual({ withinId: '3', q: '化工' });
  });

  it('shows the server’s refusal', async () => {
    fakeApi(routes({ 'POST /lessons/l-1/assignments': apiError(400, TrainingErrorCode.DueDateInPast) }));
    render(<LessonAssignPage />);
    await waitFor(() => expect(document.getElementById('node-3')).not.toBeNull());
    fireEvent.click(byId('node-3').firstElementChild as HTMLElement);
    fireEvent.click(byId('assign-submit'));
    await waitFor(() => expect(document.getElementById('assign-failure')).not.toBeNull());
    expect(byId('assign-failure').textContent).toBe('完成期限不能早于今天');
  });

  it('offers no assignment before the lesson is published', async () => {
    fakeApi(routes({ 'GET /lessons/l-1': ok({ ...LESSON, status: LessonStatus.Draft }) }));
    render(<LessonAssignPage />);
    expect(await screen.findByText('课程发布后才能指派。')).toBeTruthy();
    expect(document.getElementById('assign-submit')).toBeNull();
  });
});
