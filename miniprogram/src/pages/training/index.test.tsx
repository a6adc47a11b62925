import { addChinaDays, CommonErrorCode } from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { byId } from '../../../test/dom';
import { apiError, fakeApi, ok, signIn } from '../../../test/fake-api';
import { TODAY, workerLessonFixture } from '../../../test/fixtures';
import { navigateTo, reLaunch, request, showPageAgain } from '../../../test/mocks/taro';
import TrainingPage from './index';

const LESSONS = {
  required: [
    workerLessonFixture({ id: 'l-1', title: '有限空间作业', dueOn: addChinaDays(TODAY, -2) }),
    workerLessonFixture({ id: 'l-2', title: '新入职三级安全教育', dueOn: addChinaDays(TODAY, 5) }),
    workerLessonFixture({ id: 'l-3', title: '动火作业', dueOn: null }),
  ],
  done: [
    workerLessonFixture({
      id: 'l-4',
      title: '高处作业',
      required: false,
      passed: true,
      lastCompletedAt: '2026-11-20T01:00:00.000Z',
    }),
  ],
  refreshers: [
    workerLessonFixture({
      id: 'l-5',
      title: '燃气泄漏处置',
      required: false,
      passed: true,
      lastCompletedAt: '2026-10-02T01:00:00.000Z',
    }),
  ],
};

describe('培训 tab (pages/training)', () => {
  it('sends a visitor without a session to login', () => {
    render(<TrainingPage />);
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
    expect(request).not.toHaveBeenCalled();
  });

  it('groups 必修 (due dates, overdue marked), 已完成 and 复习巩固', async () => {
    signIn();
    fakeApi({ 'GET /me/lessons': ok(LESSONS) });
    render(<TrainingPage />);
    await waitFor(() => expect(document.getElementById('lesson-required-l-1')).not.toBeNull());

    const required = byId('lessons-required');
    expect(required.textContent).toContain('3 门');
    expect(byId('lesson-required-l-1').className).toContain('lesson-row--overdue');
    expect(byId('lesson-required-l-1').textContent).toContain(`已逾期 · ${addChinaDays(TODAY, -2)} 截止`);
    expect(byId('lesson-required-l-2').className).not.toContain('lesson-row--overdue');
    expect(byId('lesson-required-l-2').textContent).toContain(`${addChinaDays(TODAY, 5)} 前完成`);
    expect(byId('lesson-required-l-3').textContent).not.toContain('前完成');

    expect(byId('lessons-done').textContent).toContain('高处作业');
    expect(byId('lesson-done-l-4').textContent).toContain('已通过 2026-11-20');
    expect(byId('lessons-refreshers').textContent).toContain('燃气泄漏处置');
    expect(byId('lesson-refreshers-l-5').textContent).toContain('上次学习 2026-10-02');
    // The order of the tab: 必修, 已完成, 复习巩固.
    const order = ['lessons-required', 'lessons-done', 'lessons-refreshers'].map((id) =>
      Array.from(document.querySelectorAll('[id^="lessons-"]')).indexOf(byId(id)),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(byId('training-today').textContent).toContain('扫描作业场所入口的二维码');
  });

  it('opens a lesson from any group', async () => {
    signIn();
    fakeApi({ 'GET /me/lessons': ok(LESSONS) });
    render(<TrainingPage />);
    await waitFor(() => expect(document.getElementById('lesson-refreshers-l-5')).not.toBeNull());
    fireEvent.click(byId('lesson-required-l-2'));
    fireEvent.click(byId('lesson-refreshers-l-5'));
    expect(navigateTo).toHaveBeenNthCalledWith(1, { url: '/pages/lesson/index?id=l-2' });
    expect(navigateTo).toHaveBeenNthCalledWith(2, { url: '/pages/lesson/index?id=l-5' });
  });

  it('says so when there is nothing in a group', async () => {
    signIn();
    fakeApi({ 'GET /me/lessons': ok({ required: [], done: [], refreshers: [] }) });
    render(<TrainingPage />);
    expect(await screen.findByText('必修课都已完成，继续保持！')).toBeTruthy();
    expect(screen.getByText('还没有完成的课程。')).toBeTruthy();
    expect(screen.getByText('完成课程后，这里会推荐需要巩固的内容。')).toBeTruthy();
  });

  it('leads to today’s card without asking the server for it', async () => {
    signIn();
    const api = fakeApi({ 'GET /me/lessons': ok(LESSONS) });
    render(<TrainingPage />);
    await waitFor(() => expect(document.getElementById('lesson-required-l-1')).not.toBeNull());
    fireEvent.click(byId('training-today'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/check-in/index' });
    expect(api.callsTo('GET', '/check-ins/today')).toHaveLength(0);
  });

  it('reloads when the worker comes back from a lesson, and retries a failure', async () => {
    signIn();
    let passed = false;
    let down = true;
    const api = fakeApi({
      'GET /me/lessons': () => {
        if (down) {
          return apiError(503, CommonErrorCode.DatabaseUnavailable);
        }
        return ok(
          passed
            ? { required: [], done: [{ ...LESSONS.required[0], passed: true, required: false }], refreshers: [] }
            : LESSONS,
        );
      },
    });
    render(<TrainingPage />);
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    down = false;
    fireEvent.click(screen.getByText('重新加载'));
    await waitFor(() => expect(document.getElementById('lesson-required-l-1')).not.toBeNull());

    passed = true;
    showPageAgain();
    await waitFor(() => expect(document.getElementById('lesson-done-l-1')).not.toBeNull());
    expect(document.getElementById('lesson-required-l-1')).toBeNull();
    expect(api.callsTo('GET', '/me/lessons')).toHaveLength(3);
  });
});
