import { CommonErrorCode, ShiftClearance, TrainingErrorCode } from '@ankang/shared';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { byId } from '../../../test/dom';
import { apiError, fakeApi, NetworkDown, ok, type RecordedRequest, signIn } from '../../../test/fake-api';
import { attemptResultFixture, checkInCardFixture, lessonAttemptFixture, todayAt } from '../../../test/fixtures';
import { currentRouter, navigateBack, reLaunch, switchTab } from '../../../test/mocks/taro';
import { installObjectUrls } from '../../../test/photos';
import { CLIENT_KEY_PATTERN } from '../../api';
import LessonPage from './index';

function open(query: Record<string, string> = { id: 'l-1' }): void {
  currentRouter.path = '/pages/lesson/index';
  currentRouter.params = query;
}

async function studying(): Promise<void> {
  await waitFor(() => expect(document.getElementById('lesson-title')).not.toBeNull());
}

async function startQuiz(): Promise<void> {
  await studying();
  await waitFor(() => expect(byId('quiz-start').getAttribute('data-unlocked')).toBe('true'));
  fireEvent.click(byId('quiz-start'));
  await waitFor(() => expect(document.getElementById('quiz')).not.toBeNull());
}

/** One of each type right: 通风; 检测 + 监护; 错. */
function answerAllRight(): void {
  fireEvent.click(byId('question-q1-option-b'));
  fireEvent.click(byId('question-q2-option-a'));
  fireEvent.click(byId('question-q2-option-b'));
  fireEvent.click(byId('question-q3-option-false'));
}

interface Submission {
  clientKey: string;
  answers: Record<string, string[]>;
}

function submissions(calls: RecordedRequest[], attemptId = 'att-1'): Submission[] {
  return calls
    .filter((call) => call.method === 'POST' && call.path === `/lesson-attempts/${attemptId}/submit`)
    .map((call) => call.data as Submission);
}

describe('lesson and quiz (pages/lesson)', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('sends a visitor without a session to login, to come back to this lesson', () => {
    open({ id: 'l-1', checkInId: 'ci-1' });
    render(<LessonPage />);
    const back = encodeURIComponent('/pages/lesson/index?id=l-1&checkInId=ci-1');
    expect(reLaunch).toHaveBeenCalledWith({ url: `/pages/login/index?redirect=${back}` });
  });

  it('opens an attempt for today’s check-in and shows the body, its facts and the time spent', async () => {
    signIn();
    open({ id: 'l-1', checkInId: 'ci-1' });
    const api = fakeApi({ 'POST /lessons/l-1/attempts': ok(lessonAttemptFixture(), 201) });
    render(<LessonPage />);
    await studying();

    expect(api.callsTo('POST', '/lessons/l-1/attempts')[0].data).toEqual({ checkInId: 'ci-1' });
    expect(byId('lesson-title').textContent).toBe('有限空间作业：先通风、再检测、后作业');
    const body = byId('lesson-body');
    expect(body.querySelector('h3')?.textContent).toBe('三条铁律');
    expect(body.querySelector('strong')?.textContent).toBe('先通风、再检测、后作业');
    expect(body.querySelectorAll('li')).toHaveLength(2);
    expect(screen.getByText('操作规程')).toBeTruthy();
    expect(screen.getByText('3 道题 · 80 分及格')).toBeTruthy();
    expect(byId('lesson-time-spent').textContent).toBe('已学习 0:00');
    expect(document.getElementById('lesson-video')).toBeNull();
  });

  it('opens without a check-in from the 培训 tab', async () => {
    signIn();
    open({ id: 'l-1' });
    const api = fakeApi({ 'POST /lessons/l-1/attempts': ok(lessonAttemptFixture(), 201) });
    render(<LessonPage />);
    await studying();
    expect(api.callsTo('POST', '/lessons/l-1/attempts')[0].data).toEqual({});
  });

  it('downloads the images with the bearer token and plays the video', async () => {
    installObjectUrls();
    const fetchMock = jest.fn(async () => ({
      ok: true,
      status: 200,
      headers: new Headers({ 'content-type': 'image/jpeg' }),
      blob: async () => new Blob(['jpeg'], { type: 'image/jpeg' }),
      text: async () => '',
    }));
    Object.defineProperty(globalThis, 'fetch', { value: fetchMock, configurable: true, writable: true });
    signIn();
    open();
    fakeApi({
      'POST /lessons/l-1/attempts': ok(
        lessonAttemptFixture({
          imageUrls: ['/api/v1/lesson-images/11'],
          videoUrl: 'https://video.example.org/confined-space.mp4',
        }),
        201,
      ),
    });
    render(<LessonPage />);
    await studying();

    await waitFor(() => expect(document.querySelector('#lesson-images-0 img')).not.toBeNull());
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/lesson-images/11', {
      headers: { Accept: '*/*', Authorization: 'Bearer access-1' },
    });
    expect(document.querySelector('#lesson-images-0 img')?.getAttribute('src')).toMatch(/^blob:test-/);
    expect(byId('lesson-video').getAttribute('src')).toBe('https://video.example.org/confined-space.mp4');
  });

  it('keeps the quiz locked for the server’s wait, counted on this phone whatever its clock says', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-29T00:00:00.000Z') });
    signIn();
    open();
    // The server's clock is a day ahead of the phone's; the wait is 90 s (half of 180 s).
    fakeApi({
      'POST /lessons/l-1/attempts': ok(
        lessonAttemptFixture({ openedAt: '2026-11-30T00:00:00.000Z', submittableAt: '2026-11-30T00:01:30.000Z' }),
        201,
      ),
    });
    render(<LessonPage />);
    await studying();

    expect(byId('quiz-countdown').textContent).toBe('请认真学习，90 秒后可答题');
    expect(byId('quiz-start').getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(byId('quiz-start'));
    expect(document.getElementById('quiz')).toBeNull();

    act(() => {
      jest.advanceTimersByTime(60_000);
    });
    expect(byId('quiz-countdown').textContent).toBe('请认真学习，30 秒后可答题');
    expect(byId('lesson-time-spent').textContent).toBe('已学习 1:00');

    act(() => {
      jest.advanceTimersByTime(30_000);
    });
    expect(byId('quiz-countdown').textContent).toBe('学习时间已到，可以开始答题');
    expect(byId('quiz-start').getAttribute('aria-disabled')).toBe('false');
    expect(byId('quiz-start').getAttribute('data-unlocked')).toBe('true');
    fireEvent.click(byId('quiz-start'));
    expect(document.getElementById('quiz')).not.toBeNull();
  });

  it('shows each question type: single choice, 多选 with checkboxes, 对/错', async () => {
    signIn();
    open();
    fakeApi({ 'POST /lessons/l-1/attempts': ok(lessonAttemptFixture(), 201) });
    render(<LessonPage />);
    await startQuiz();

    expect(byId('question-q1-option-a').getAttribute('role')).toBe('radio');
    expect(byId('question-q2-option-a').getAttribute('role')).toBe('checkbox');
    expect(screen.getByText('多选题 · 可选多项')).toBeTruthy();
    expect(byId('question-q3-option-true').textContent).toBe('对');
    expect(byId('question-q3-option-false').textContent).toBe('错');

    fireEvent.click(byId('question-q1-option-a'));
    fireEvent.click(byId('question-q1-option-b'));
    expect(byId('question-q1-option-a').getAttribute('aria-checked')).toBe('false');
    expect(byId('question-q1-option-b').getAttribute('aria-checked')).toBe('true');
    fireEvent.click(byId('question-q2-option-a'));
    fireEvent.click(byId('question-q2-option-c'));
    fireEvent.click(byId('question-q2-option-c'));
    expect(byId('question-q2-option-a').getAttribute('aria-checked')).toBe('true');
    expect(byId('question-q2-option-c').getAttribute('aria-checked')).toBe('false');
  });

  it('names unanswered questions and sends nothing until every one is answered', async () => {
    signIn();
    open();
    const api = fakeApi({ 'POST /lessons/l-1/attempts': ok(lessonAttemptFixture(), 201) });
    render(<LessonPage />);
    await startQuiz();

    fireEvent.click(byId('question-q1-option-b'));
    fireEvent.click(byId('quiz-submit'));

    await waitFor(() => expect(screen.getAllByText('这道题还没有作答')).toHaveLength(2));
    expect(byId('question-q2').className).toContain('quiz-question--missing');
    expect(submissions(api.calls)).toHaveLength(0);
  });

  it('hands in the answers with one client key: too soon is explained, and the later retry goes through', async () => {
    jest.useFakeTimers();
    signIn();
    open();
    let tooSoon = true;
    const api = fakeApi({
      'POST /lessons/l-1/attempts': ok(lessonAttemptFixture(), 201),
      'POST /lesson-attempts/att-1/submit': () =>
        tooSoon ? apiError(409, TrainingErrorCode.SubmittedTooSoon) : ok(attemptResultFixture()),
    });
    render(<LessonPage />);
    await startQuiz();
    answerAllRight();

    fireEvent.click(byId('quiz-submit'));
    await waitFor(() => expect(document.getElementById('quiz-failure')).not.toBeNull());
    expect(byId('quiz-failure').textContent).toBe(
      '学习时间太短，请认真学完课程再答题。您的答案已保留，5 秒后可以再次提交。',
    );
    expect(byId('quiz-submit').getAttribute('aria-disabled')).toBe('true');
    expect(byId('quiz-submit').textContent).toBe('5 秒后可再次提交');
    fireEvent.click(byId('quiz-submit'));
    expect(submissions(api.calls)).toHaveLength(1);

    tooSoon = false;
    act(() => {
      jest.advanceTimersByTime(5_000);
    });
    expect(byId('quiz-submit').textContent).toBe('重新提交');
    // The answers were kept.
    expect(byId('question-q3-option-false').getAttribute('aria-checked')).toBe('true');
    fireEvent.click(byId('quiz-submit'));
    await waitFor(() => expect(document.getElementById('result-score')).not.toBeNull());

    const sent = submissions(api.calls);
    expect(sent).toHaveLength(2);
    expect(sent[0].clientKey).toMatch(CLIENT_KEY_PATTERN);
    expect(sent[1].clientKey).toBe(sent[0].clientKey);
    expect(sent[1].answers).toEqual({ q1: ['b'], q2: ['a', 'b'], q3: ['false'] });
    const [first] = api.callsTo('POST', '/lesson-attempts/att-1/submit');
    expect(first.header['Idempotency-Key']).toBe(sent[0].clientKey);
  });

  it('re-sends after a lost answer with the same key', async () => {
    signIn();
    open();
    let down = true;
    const api = fakeApi({
      'POST /lessons/l-1/attempts': ok(lessonAttemptFixture(), 201),
      'POST /lesson-attempts/att-1/submit': () => {
        if (down) {
          throw new NetworkDown();
        }
        return ok(attemptResultFixture());
      },
    });
    render(<LessonPage />);
    await startQuiz();
    answerAllRight();
    fireEvent.click(byId('quiz-submit'));
    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeTruthy();

    down = false;
    fireEvent.click(byId('quiz-submit'));
    await waitFor(() => expect(document.getElementById('result-passed')).not.toBeNull());
    expect(new Set(submissions(api.calls).map((body) => body.clientKey)).size).toBe(1);
  });

  it('shows a pass: score, pass mark, time, every answer with the right one and why', async () => {
    signIn();
    open();
    fakeApi({
      'POST /lessons/l-1/attempts': ok(lessonAttemptFixture(), 201),
      'POST /lesson-attempts/att-1/submit': ok(attemptResultFixture()),
    });
    render(<LessonPage />);
    await startQuiz();
    answerAllRight();
    fireEvent.click(byId('quiz-submit'));
    await waitFor(() => expect(document.getElementById('result-passed')).not.toBeNull());

    expect(byId('result-score').textContent).toBe('100');
    expect(screen.getByText('及格线 80 分 · 用时 2 分 5 秒 · 第 2 版')).toBeTruthy();
    expect(document.getElementById('result-retry')).toBeNull();
    expect(byId('result-explanation-q1').textContent).toBe('解析：有限空间内可能缺氧或有毒，先通风置换。');
    const q2 = byId('result-question-q2');
    expect(q2.textContent).toContain('您的答案：A. 先检测气体；B. 设专人监护');
    const q3 = byId('result-question-q3');
    expect(q3.textContent).toContain('正确答案：错');
    // Not part of a check-in: no card, back to 培训.
    expect(document.getElementById('card-cleared')).toBeNull();
    fireEvent.click(byId('result-done'));
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/training/index' });
  });

  it('shows a fail with partial credit, and 重新学习 opens a new attempt of the same lesson with a new key', async () => {
    signIn();
    open({ id: 'l-1', checkInId: 'ci-1' });
    let attempts = 0;
    const failed = attemptResultFixture({
      score: 56,
      passed: false,
      clearance: ShiftClearance.LessonPending,
      questions: [
        { ...attemptResultFixture().questions[0], chosenOptionIds: ['a'], score: 0, correct: false },
        { ...attemptResultFixture().questions[1], chosenOptionIds: ['a'], score: 0.5, correct: false },
        attemptResultFixture().questions[2],
      ],
    });
    const api = fakeApi({
      'POST /lessons/l-1/attempts': () => {
        attempts += 1;
        return ok(lessonAttemptFixture({ id: `att-${attempts}` }), 201);
      },
      'POST /lesson-attempts/att-1/submit': ok(failed),
      'POST /lesson-attempts/att-2/submit': ok(attemptResultFixture({ attemptId: 'att-2' })),
    });
    render(<LessonPage />);
    await startQuiz();
    fireEvent.click(byId('question-q1-option-a'));
    fireEvent.click(byId('question-q2-option-a'));
    fireEvent.click(byId('question-q3-option-false'));
    fireEvent.click(byId('quiz-submit'));
    await waitFor(() => expect(document.getElementById('result-failed')).not.toBeNull());

    expect(byId('result-score').textContent).toBe('56');
    expect(byId('result-question-q1').textContent).toContain('答错');
    expect(byId('result-question-q1').textContent).toContain('您的答案：A. 直接进入查看');
    expect(byId('result-question-q1').textContent).toContain('正确答案：B. 通风');
    expect(byId('result-question-q2').textContent).toContain('部分正确');
    expect(byId('result-question-q3').textContent).toContain('答对');
    // Failed: no card yet.
    expect(api.callsTo('GET', '/check-ins/today')).toHaveLength(0);

    fireEvent.click(byId('result-retry'));
    await startQuiz();
    expect(api.callsTo('POST', '/lessons/l-1/attempts')).toHaveLength(2);
    expect(api.callsTo('POST', '/lessons/l-1/attempts')[1].data).toEqual({ checkInId: 'ci-1' });
    // A fresh quiz: nothing chosen.
    expect(byId('question-q1-option-a').getAttribute('aria-checked')).toBe('false');
    answerAllRight();
    fireEvent.click(byId('quiz-submit'));
    await waitFor(() => expect(document.getElementById('result-passed')).not.toBeNull());
    expect(submissions(api.calls, 'att-2')[0].clientKey).not.toBe(submissions(api.calls, 'att-1')[0].clientKey);
  });

  it('a pass within today’s check-in ends on the green card', async () => {
    signIn();
    open({ id: 'l-1', checkInId: 'ci-1' });
    fakeApi({
      'POST /lessons/l-1/attempts': ok(lessonAttemptFixture(), 201),
      'POST /lesson-attempts/att-1/submit': ok(attemptResultFixture({ clearance: ShiftClearance.Cleared })),
      'GET /check-ins/today': ok(
        checkInCardFixture({
          clearance: ShiftClearance.Cleared,
          clearedAt: todayAt(7, 41),
          todaysLesson: null,
          passedLesson: { id: 'l-1', title: '有限空间作业：先通风、再检测、后作业', version: 2, score: 100 },
        }),
      ),
    });
    render(<LessonPage />);
    await startQuiz();
    answerAllRight();
    fireEvent.click(byId('quiz-submit'));

    await waitFor(() => expect(document.getElementById('card-cleared')).not.toBeNull());
    expect(byId('card-worker').textContent).toBe('李建国');
    expect(byId('card-workplace').textContent).toBe('主井口');
    expect(byId('card-lesson').textContent).toBe('《有限空间作业：先通风、再检测、后作业》第 2 版 · 100 分 通过');
    expect(document.getElementById('result-passed')).not.toBeNull();
  });

  it('offers to start again when this attempt was already handed in elsewhere', async () => {
    signIn();
    open();
    const api = fakeApi({
      'POST /lessons/l-1/attempts': ok(lessonAttemptFixture(), 201),
      'POST /lesson-attempts/att-1/submit': apiError(409, TrainingErrorCode.AttemptAlreadySubmitted),
    });
    render(<LessonPage />);
    await startQuiz();
    answerAllRight();
    fireEvent.click(byId('quiz-submit'));
    await waitFor(() => expect(document.getElementById('quiz-reopen')).not.toBeNull());
    expect(byId('quiz-failure').textContent).toBe('这次答题已经提交过了，请重新开始学习后再答');
    fireEvent.click(byId('quiz-reopen'));
    await waitFor(() => expect(api.callsTo('POST', '/lessons/l-1/attempts')).toHaveLength(2));
  });

  it('goes back when today’s check-in can no longer be used, and retries other failures', async () => {
    signIn();
    open({ id: 'l-1', checkInId: 'ci-old' });
    fakeApi({ 'POST /lessons/l-1/attempts': apiError(409, TrainingErrorCode.CheckInNotUsable) });
    const { unmount } = render(<LessonPage />);
    expect(await screen.findByText('今天的班前打卡记录不可用，请重新打卡')).toBeTruthy();
    fireEvent.click(screen.getByText('返回'));
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/training/index' });
    expect(navigateBack).not.toHaveBeenCalled();
    unmount();

    let down = true;
    fakeApi({
      'POST /lessons/l-1/attempts': () =>
        down ? apiError(503, CommonErrorCode.DatabaseUnavailable) : ok(lessonAttemptFixture(), 201),
    });
    render(<LessonPage />);
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    down = false;
    fireEvent.click(screen.getByText('重新加载'));
    await studying();
  });
});
