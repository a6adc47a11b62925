import {
  CommonErrorCode,
  LessonStatus,
  LessonTopic,
  OrgKind,
  QuestionType,
  Role,
  TrainingErrorCode,
  WorkerGroup,
} from '@ankang/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { byId } from '../../../../test/dom';
import { apiError, fakeApi, ok, type RecordedRequest, signIn } from '../../../../test/fake-api';
import { lessonDetailFixture, meFixture, roleAt } from '../../../../test/fixtures';
import { currentRouter, navigateTo, showModal, showToast } from '../../../../test/mocks/taro';
import { installObjectUrls, nextPhotosChosen } from '../../../../test/photos';
import LessonEditPage from './index';

const OFFICER = meFixture({ roles: [roleAt(Role.Officer, '7', '河口煤业有限公司', OrgKind.Enterprise)] });
const UNION = meFixture({
  roles: [
    roleAt(Role.UnionStaff, '3', '互助县总工会', OrgKind.Union),
    roleAt(Role.UnionStaff, '5', '海东市总工会', OrgKind.Union),
    roleAt(Role.Admin, '1', '青海省总工会', OrgKind.Union),
  ],
});

function type(id: string, value: string): void {
  fireEvent.change(byId(id), { target: { value } });
}

function newLesson(): void {
  currentRouter.path = '/packages/staff/lesson-edit/index';
  currentRouter.params = {};
}

function editLesson(id = 'l-1'): void {
  currentRouter.path = '/packages/staff/lesson-edit/index';
  currentRouter.params = { id };
}

function bodiesOf(calls: RecordedRequest[], method: string, path: string): Record<string, unknown>[] {
  return calls
    .filter((call) => call.method === method && call.path === path)
    .map((call) => call.data as Record<string, unknown>);
}

async function editorShown(): Promise<void> {
  await waitFor(() => expect(document.getElementById('lesson-title-input')).not.toBeNull());
}

/** Fills in a complete single-choice first question. */
function fillFirstQuestion(): void {
  type('question-0-prompt', '进入有限空间作业前，第一步应当做什么？');
  type('question-0-option-a', '直接进入查看');
  type('question-0-option-b', '通风');
  fireEvent.click(byId('question-0-remove-d'));
  fireEvent.click(byId('question-0-remove-c'));
  fireEvent.click(byId('question-0-correct-b'));
  type('question-0-explanation', '有限空间可能缺氧，先通风置换。');
}

describe('lesson editor (packages/staff/lesson-edit)', () => {
  beforeEach(() => {
    signIn();
  });

  it('checks everything before saving and names each problem where it is', async () => {
    newLesson();
    const api = fakeApi({ 'GET /me': ok(UNION) });
    render(<LessonEditPage />);
    await editorShown();
    type('lesson-duration', '20');
    type('lesson-pass-mark', '0');
    type('lesson-video-url', 'http://video.example.org/a.mp4');

    fireEvent.click(byId('lesson-save'));

    expect(await screen.findByText('请选择课程所属的工会或企业')).toBeTruthy();
    for (const message of [
      '请填写课程标题',
      '请选择课程主题',
      '请填写课程正文',
      '学习时长为 30～1800 秒的整数',
      '及格线为 1～100 的整数',
      '视频地址须以 https:// 开头的完整网址',
      '请填写题目',
      '请填写每个选项的内容，用不到的选项请删除',
      '单选题请标出唯一的正确答案',
      '请填写答案解析：答完题后职工会看到',
    ]) {
      expect(screen.getByText(message)).toBeTruthy();
    }
    expect(byId('lesson-failure').textContent).toMatch(/^有 \d+ 处需要修改/);
    expect(api.callsTo('POST', '/lessons')).toHaveLength(0);
    // Union staff choose among the unions where they write lessons (not where they are admins).
    expect(document.getElementById('lesson-owner-3')).not.toBeNull();
    expect(document.getElementById('lesson-owner-5')).not.toBeNull();
    expect(document.getElementById('lesson-owner-1')).toBeNull();
  });

  it('checks each question type: multiple choice needs a correct option, true/false needs 对 or 错', async () => {
    newLesson();
    fakeApi({ 'GET /me': ok(OFFICER) });
    render(<LessonEditPage />);
    await editorShown();
    fillFirstQuestion();
    fireEvent.click(byId(`question-add-${QuestionType.MultipleChoice}`));
    fireEvent.click(byId(`question-add-${QuestionType.TrueFalse}`));
    type('question-1-prompt', '有限空间作业必须做到哪些？');
    type('question-1-option-a', '检测');
    type('question-1-option-b', '监护');
    type('question-1-option-c', '快进快出');
    fireEvent.click(byId('question-1-remove-d'));
    type('question-1-explanation', '检测与监护缺一不可。');
    type('question-2-prompt', '戴了防毒面具就可以不检测气体。');
    type('question-2-explanation', '过滤式面具在缺氧环境无效。');

    fireEvent.click(byId('lesson-save'));

    expect(await screen.findByText('多选题请至少标出一个正确答案')).toBeTruthy();
    expect(screen.getByText('请选择正确答案：对或错')).toBeTruthy();
    expect(document.getElementById('question-0-correct-error')).toBeNull();

    // Marking them clears the messages as soon as the form is right again.
    fireEvent.click(byId('question-1-correct-a'));
    fireEvent.click(byId('question-1-correct-b'));
    fireEvent.click(byId('question-2-correct-false'));
    await waitFor(() => expect(screen.queryByText('多选题请至少标出一个正确答案')).toBeNull());
    expect(screen.queryByText('请选择正确答案：对或错')).toBeNull();
    expect(byId('question-1-correct-a').getAttribute('role')).toBe('checkbox');
    expect(byId('question-0-correct-a').getAttribute('role')).toBe('radio');
  });

  it('writes a new lesson: the formatting buttons, targets and questions go into one POST', async () => {
    newLesson();
    const created = lessonDetailFixture({ id: 'l-9', title: '有限空间作业' });
    const api = fakeApi({ 'GET /me': ok(OFFICER), 'POST /lessons': ok(created, 201) });
    render(<LessonEditPage />);
    await editorShown();

    // One place to write for: chosen already.
    await waitFor(() => expect(byId('lesson-owner-7').className).toContain('option--on'));
    type('lesson-title-input', '有限空间作业');
    fireEvent.click(byId(`lesson-topic-${LessonTopic.OperatingProcedure}`));
    type('lesson-body-input', '先通风再检测');
    const textarea = byId('lesson-body-input') as HTMLTextAreaElement;
    textarea.setSelectionRange(0, 3);
    fireEvent.click(byId('body-format-bold'));
    expect(textarea.value).toBe('<strong>先通风</strong>再检测');
    expect(byId('lesson-body-preview').querySelector('strong')?.textContent).toBe('先通风');
    fireEvent.click(byId('lesson-duration-120'));
    type('lesson-pass-mark', '90');
    fireEvent.click(byId(`lesson-group-${WorkerGroup.NewHire}`));
    fireEvent.click(byId(`lesson-group-${WorkerGroup.Outsourced}`));
    fillFirstQuestion();
    fireEvent.click(byId(`question-add-${QuestionType.TrueFalse}`));
    type('question-1-prompt', '戴了防毒面具就可以不检测气体。');
    fireEvent.click(byId('question-1-correct-false'));
    type('question-1-explanation', '过滤式面具在缺氧环境无效。');
    fireEvent.click(byId('question-1-up'));

    fireEvent.click(byId('lesson-save'));

    await waitFor(() => expect(api.callsTo('POST', '/lessons')).toHaveLength(1));
    expect(bodiesOf(api.calls, 'POST', '/lessons')[0]).toEqual({
      ownerOrgUnitId: '7',
      title: '有限空间作业',
      topic: LessonTopic.OperatingProcedure,
      bodyHtml: '<strong>先通风</strong>再检测',
      imageIds: [],
      videoUrl: null,
      durationSeconds: 120,
      workerGroups: [WorkerGroup.NewHire, WorkerGroup.Outsourced],
      industries: [],
      passMark: 90,
      questions: [
        {
          id: 'q2',
          type: QuestionType.TrueFalse,
          prompt: '戴了防毒面具就可以不检测气体。',
          options: [
            { id: 'true', text: '对' },
            { id: 'false', text: '错' },
          ],
          correctOptionIds: ['false'],
          explanation: '过滤式面具在缺氧环境无效。',
        },
        {
          id: 'q1',
          type: QuestionType.SingleChoice,
          prompt: '进入有限空间作业前，第一步应当做什么？',
          options: [
            { id: 'a', text: '直接进入查看' },
            { id: 'b', text: '通风' },
          ],
          correctOptionIds: ['b'],
          explanation: '有限空间可能缺氧，先通风置换。',
        },
      ],
    });
    await waitFor(() => expect(byId('lesson-status').textContent).toContain('草稿 · 第 1 版 · 河口煤业有限公司'));
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' }));
    // Saved: the next save is an update of that lesson.
    expect(document.getElementById('lesson-owner')).toBeNull();
  });

  it('publishes a draft after saving what changed', async () => {
    editLesson();
    const draft = lessonDetailFixture();
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /lessons/l-1': ok(draft),
      'PUT /lessons/l-1': (req) => ok({ ...draft, title: (req.data as { title: string }).title }),
      'POST /lessons/l-1/publish': ok({ ...draft, status: LessonStatus.Published, title: '改过的标题' }),
    });
    render(<LessonEditPage />);
    await editorShown();
    expect((byId('lesson-title-input') as HTMLInputElement).value).toBe(draft.title);
    type('lesson-title-input', '改过的标题');

    fireEvent.click(byId('lesson-publish'));

    await waitFor(() => expect(api.callsTo('POST', '/lessons/l-1/publish')).toHaveLength(1));
    expect(bodiesOf(api.calls, 'PUT', '/lessons/l-1')[0].title).toBe('改过的标题');
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '发布课程' }));
    await waitFor(() => expect(byId('lesson-status').textContent).toContain('已发布 · 第 1 版'));
    expect(document.getElementById('lesson-publish')).toBeNull();
    fireEvent.click(byId('lesson-assign'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/lesson-assign/index?id=l-1' });
  });

  it('tells the author that saving a published lesson makes a new version, and saves only if they agree', async () => {
    editLesson();
    const published = lessonDetailFixture({ status: LessonStatus.Published, version: 2 });
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /lessons/l-1': ok(published),
      'PUT /lessons/l-1': ok({ ...published, version: 3 }),
    });
    render(<LessonEditPage />);
    await editorShown();
    expect(byId('lesson-status').textContent).toContain('修改后保存会生成新版本');
    expect(byId('lesson-save').textContent).toBe('保存为新版本');
    type('question-0-explanation', '有限空间可能缺氧，必须先通风。');

    showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(byId('lesson-save'));
    await waitFor(() =>
      expect(showModal).toHaveBeenCalledWith(
        expect.objectContaining({ title: '保存为新版本', content: expect.stringContaining('生成第 3 版') }),
      ),
    );
    expect(showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: expect.stringContaining('已完成的学习记录仍按第 2 版保留') }),
    );
    expect(api.callsTo('PUT', '/lessons/l-1')).toHaveLength(0);

    fireEvent.click(byId('lesson-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/lessons/l-1')).toHaveLength(1));
    await waitFor(() => expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存为第 3 版' })));
    expect(byId('lesson-status').textContent).toContain('第 3 版');
  });

  it('shows the server’s objections next to the fields they name', async () => {
    editLesson();
    fakeApi({
      'GET /me': ok(OFFICER),
      'GET /lessons/l-1': ok(lessonDetailFixture()),
      'PUT /lessons/l-1': {
        statusCode: 400,
        data: {
          code: TrainingErrorCode.QuestionInvalid,
          message: '题目设置有误，请检查选项和正确答案',
          details: [{ field: 'questions[0].correctOptionIds', message: '正确答案不在选项中' }],
          requestId: 'r-1',
        },
      },
    });
    render(<LessonEditPage />);
    await editorShown();
    fireEvent.click(byId('lesson-save'));
    await waitFor(() => expect(document.getElementById('question-0-correct-error')).not.toBeNull());
    expect(byId('question-0-correct-error').textContent).toBe('正确答案不在选项中');
    expect(byId('lesson-failure').textContent).toBe('题目设置有误，请检查选项和正确答案');
  });

  it('uploads images as they are chosen and saves their ids', async () => {
    installObjectUrls();
    editLesson();
    const draft = lessonDetailFixture();
    nextPhotosChosen(1);
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /lessons/l-1': ok(draft),
      'POST /lesson-images': ok({ id: 'img-7', url: '/api/v1/lesson-images/img-7' }, 201),
      'PUT /lessons/l-1': ok({ ...draft, imageIds: ['img-7'], imageUrls: ['/api/v1/lesson-images/img-7'] }),
    });
    render(<LessonEditPage />);
    await editorShown();
    fireEvent.click(byId('lesson-image-add'));
    await waitFor(() => expect(document.getElementById('lesson-image-0')).not.toBeNull());
    const [upload] = api.callsTo('POST', '/lesson-images');
    expect(upload.fileName).toBe('image.jpg');
    expect((upload.data as { clientKey: string }).clientKey).toBe(upload.header['Idempotency-Key']);

    fireEvent.click(byId('lesson-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/lessons/l-1')).toHaveLength(1));
    expect(bodiesOf(api.calls, 'PUT', '/lessons/l-1')[0].imageIds).toEqual(['img-7']);
  });

  it('archives after asking, and then offers no more changes', async () => {
    editLesson();
    const published = lessonDetailFixture({ status: LessonStatus.Published });
    const api = fakeApi({
      'GET /me': ok(OFFICER),
      'GET /lessons/l-1': ok(published),
      'POST /lessons/l-1/archive': ok({ ...published, status: LessonStatus.Archived }),
    });
    render(<LessonEditPage />);
    await editorShown();
    fireEvent.click(byId('lesson-archive'));
    await waitFor(() => expect(api.callsTo('POST', '/lessons/l-1/archive')).toHaveLength(1));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '归档课程' }));
    await waitFor(() => expect(byId('lesson-status').textContent).toContain('已归档'));
    expect(document.getElementById('lesson-save')).toBeNull();
    expect(document.getElementById('body-toolbar')).toBeNull();
    expect(document.getElementById('question-0-remove')).toBeNull();
  });

  it('says so when the lesson is out of reach', async () => {
    editLesson('l-404');
    fakeApi({ 'GET /me': ok(OFFICER), 'GET /lessons/l-404': apiError(404, CommonErrorCode.NotFound) });
    render(<LessonEditPage />);
    expect(await screen.findByText('记录不存在或您无权查看')).toBeTruthy();
  });
});
