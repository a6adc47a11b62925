import { Industry, LessonTopic, QuestionType, WorkerGroup } from '@ankang/shared';
import { lessonDetailFixture } from '../../../test/fixtures';
import {
  addOption,
  addQuestion,
  changeQuestionType,
  createRequestOf,
  emptyLessonForm,
  type LessonForm,
  lessonContentOf,
  lessonFormOf,
  markCorrect,
  moveQuestion,
  type QuestionDraft,
  removeOption,
  removeQuestion,
  serverLessonErrors,
  setOptionText,
  validateLesson,
} from './lesson-form';

function single(overrides: Partial<QuestionDraft> = {}): QuestionDraft {
  return {
    id: 'q1',
    type: QuestionType.SingleChoice,
    prompt: '第一步应当做什么？',
    options: [
      { id: 'a', text: '进入' },
      { id: 'b', text: '通风' },
    ],
    correctOptionIds: ['b'],
    explanation: '先通风。',
    ...overrides,
  };
}

function validForm(overrides: Partial<LessonForm> = {}): LessonForm {
  return {
    ...emptyLessonForm('7'),
    title: '有限空间作业',
    topic: LessonTopic.OperatingProcedure,
    bodyHtml: '<p>先通风、再检测、后作业。</p>',
    questions: [single()],
    ...overrides,
  };
}

describe('lesson editor form', () => {
  it('accepts a complete lesson', () => {
    expect(validateLesson(validForm(), { creating: true })).toEqual({});
  });

  it('requires an owner for a new lesson only, a title, a topic and some body text', () => {
    const errors = validateLesson(
      { ...emptyLessonForm(), bodyHtml: '<p> </p>', questions: [single()] },
      { creating: true },
    );
    expect(errors).toEqual({
      ownerOrgUnitId: '请选择课程所属的工会或企业',
      title: '请填写课程标题',
      topic: '请选择课程主题',
      bodyHtml: '请填写课程正文',
    });
    expect(validateLesson(validForm({ ownerOrgUnitId: null }), { creating: false })).toEqual({});
    expect(validateLesson(validForm({ title: '安'.repeat(61) }), { creating: false }).title).toBe('标题不能超过 60 字');
  });

  it('checks duration 30–1800 s, pass mark 1–100 and an https video', () => {
    const check = (overrides: Partial<LessonForm>) => validateLesson(validForm(overrides), { creating: false });
    expect(check({ durationSeconds: '29' }).durationSeconds).toBe('学习时长为 30～1800 秒的整数');
    expect(check({ durationSeconds: '1801' }).durationSeconds).toBeDefined();
    expect(check({ durationSeconds: '90.5' }).durationSeconds).toBeDefined();
    expect(check({ durationSeconds: '30' })).toEqual({});
    expect(check({ passMark: '0' }).passMark).toBe('及格线为 1～100 的整数');
    expect(check({ passMark: '101' }).passMark).toBeDefined();
    expect(check({ passMark: '100' })).toEqual({});
    expect(check({ videoUrl: 'http://v.example.com/a.mp4' }).videoUrl).toBe('视频地址须以 https:// 开头的完整网址');
    expect(check({ videoUrl: 'javascript:alert(1)' }).videoUrl).toBeDefined();
    expect(check({ videoUrl: ' https://v.example.com/a.mp4 ' })).toEqual({});
  });

  it('needs 1–10 questions', () => {
    expect(validateLesson(validForm({ questions: [] }), { creating: false }).questions).toBe('题目需要 1～10 道');
    const eleven = Array.from({ length: 11 }, (_, index) => single({ id: `q${index + 1}` }));
    expect(validateLesson(validForm({ questions: eleven }), { creating: false }).questions).toBe('题目需要 1～10 道');
  });

  it('asks single choice for exactly one correct option, filled and distinct options, a prompt and an explanation', () => {
    const check = (question: QuestionDraft) =>
      validateLesson(validForm({ questions: [question] }), { creating: false });
    expect(check(single({ correctOptionIds: [] }))).toEqual({
      'questions[0].correctOptionIds': '单选题请标出唯一的正确答案',
    });
    expect(check(single({ correctOptionIds: ['a', 'b'] }))['questions[0].correctOptionIds']).toBe(
      '单选题请标出唯一的正确答案',
    );
    // A correct id that is not among the options does not count.
    expect(check(single({ correctOptionIds: ['z'] }))['questions[0].correctOptionIds']).toBeDefined();
    expect(
      check(
        single({
          options: [
            { id: 'a', text: '进入' },
            { id: 'b', text: ' ' },
          ],
        }),
      )['questions[0].options'],
    ).toBe('请填写每个选项的内容，用不到的选项请删除');
    expect(
      check(
        single({
          options: [
            { id: 'a', text: '通风' },
            { id: 'b', text: '通风' },
          ],
        }),
      )['questions[0].options'],
    ).toBe('选项内容不能重复');
    expect(check(single({ options: [{ id: 'b', text: '通风' }] }))['questions[0].options']).toBe('选项需要 2～6 个');
    expect(check(single({ prompt: '', explanation: ' ' }))).toEqual({
      'questions[0].prompt': '请填写题目',
      'questions[0].explanation': '请填写答案解析：答完题后职工会看到',
    });
  });

  it('asks multiple choice for at least one correct option', () => {
    const multiple = single({ type: QuestionType.MultipleChoice, correctOptionIds: [] });
    const check = (question: QuestionDraft) =>
      validateLesson(validForm({ questions: [question] }), { creating: false });
    expect(check(multiple)['questions[0].correctOptionIds']).toBe('多选题请至少标出一个正确答案');
    expect(check({ ...multiple, correctOptionIds: ['a', 'b'] })).toEqual({});
    expect(check({ ...multiple, correctOptionIds: ['b'] })).toEqual({});
  });

  it('asks true/false for exactly 对/错 and one of them marked', () => {
    const trueFalse = changeQuestionType(single(), QuestionType.TrueFalse);
    const check = (question: QuestionDraft) =>
      validateLesson(validForm({ questions: [question] }), { creating: false });
    expect(trueFalse.options).toEqual([
      { id: 'true', text: '对' },
      { id: 'false', text: '错' },
    ]);
    expect(check(trueFalse)['questions[0].correctOptionIds']).toBe('请选择正确答案：对或错');
    expect(check(markCorrect(trueFalse, 'false'))).toEqual({});
    expect(
      check({ ...markCorrect(trueFalse, 'true'), options: [{ id: 'true', text: '对' }] })['questions[0].options'],
    ).toBe('判断题只有“对”和“错”两个选项');
  });

  it('marks correct answers by type: one for single and true/false, any for multiple', () => {
    expect(markCorrect(single(), 'a').correctOptionIds).toEqual(['a']);
    const multiple = changeQuestionType(single(), QuestionType.MultipleChoice);
    const both = markCorrect(multiple, 'a');
    expect(both.correctOptionIds).toEqual(['b', 'a']);
    expect(markCorrect(both, 'b').correctOptionIds).toEqual(['a']);
    expect(markCorrect(single(), 'zz')).toEqual(single());
  });

  it('changes question types without leaving impossible answers behind', () => {
    const multiple = { ...changeQuestionType(single(), QuestionType.MultipleChoice), correctOptionIds: ['a', 'b'] };
    expect(multiple.options).toEqual(single().options);
    expect(changeQuestionType(multiple, QuestionType.SingleChoice).correctOptionIds).toEqual(['a']);
    const trueFalse = changeQuestionType(multiple, QuestionType.TrueFalse);
    expect(trueFalse.correctOptionIds).toEqual([]);
    const back = changeQuestionType(markCorrect(trueFalse, 'true'), QuestionType.SingleChoice);
    expect(back.options.map((option) => option.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(back.correctOptionIds).toEqual([]);
  });

  it('adds options up to six with fresh ids, and removing one drops it from the answers', () => {
    let question = single();
    for (let count = 0; count < 6; count += 1) {
      question = addOption(question);
    }
    expect(question.options.map((option) => option.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    question = removeOption(markCorrect(question, 'c'), 'c');
    expect(question.correctOptionIds).toEqual([]);
    expect(addOption(question).options.map((option) => option.id)).toEqual(['a', 'b', 'd', 'e', 'f', 'c']);
    expect(setOptionText(question, 'd', '监护').options[2]).toEqual({ id: 'd', text: '监护' });
    const trueFalse = changeQuestionType(single(), QuestionType.TrueFalse);
    expect(addOption(trueFalse)).toBe(trueFalse);
    expect(removeOption(trueFalse, 'true')).toBe(trueFalse);
  });

  it('adds questions with unused ids up to ten, removes and reorders them', () => {
    let questions = [single()];
    questions = addQuestion(questions, QuestionType.TrueFalse);
    questions = addQuestion(questions);
    expect(questions.map((question) => [question.id, question.type])).toEqual([
      ['q1', QuestionType.SingleChoice],
      ['q2', QuestionType.TrueFalse],
      ['q3', QuestionType.SingleChoice],
    ]);
    questions = removeQuestion(questions, 1);
    expect(addQuestion(questions).map((question) => question.id)).toEqual(['q1', 'q3', 'q4']);
    expect(moveQuestion(questions, 1, -1).map((question) => question.id)).toEqual(['q3', 'q1']);
    expect(moveQuestion(questions, 1, 1).map((question) => question.id)).toEqual(['q1', 'q3']);
    let many = questions;
    for (let count = 0; count < 12; count += 1) {
      many = addQuestion(many);
    }
    expect(many).toHaveLength(10);
    expect(new Set(many.map((question) => question.id)).size).toBe(10);
  });

  it('sends trimmed content, correct ids in option order, no video as null', () => {
    const form = validForm({
      title: ' 有限空间作业 ',
      durationSeconds: '120',
      passMark: '90',
      workerGroups: [WorkerGroup.NewHire],
      industries: [Industry.CoalMine],
      images: [{ id: 'img-1', url: '/api/v1/lesson-images/img-1' }],
      questions: [
        {
          ...single({ type: QuestionType.MultipleChoice, correctOptionIds: ['b', 'a'] }),
          prompt: ' 必须？ ',
          options: [
            { id: 'a', text: ' 检测 ' },
            { id: 'b', text: '监护' },
          ],
        },
      ],
    });
    expect(createRequestOf(form)).toEqual({
      ownerOrgUnitId: '7',
      title: '有限空间作业',
      topic: LessonTopic.OperatingProcedure,
      bodyHtml: '<p>先通风、再检测、后作业。</p>',
      imageIds: ['img-1'],
      videoUrl: null,
      durationSeconds: 120,
      workerGroups: [WorkerGroup.NewHire],
      industries: [Industry.CoalMine],
      passMark: 90,
      questions: [
        {
          id: 'q1',
          type: QuestionType.MultipleChoice,
          prompt: '必须？',
          options: [
            { id: 'a', text: '检测' },
            { id: 'b', text: '监护' },
          ],
          correctOptionIds: ['a', 'b'],
          explanation: '先通风。',
        },
      ],
    });
  });

  it('round-trips a saved lesson through the form', () => {
    const detail = lessonDetailFixture({
      imageIds: ['img-1'],
      imageUrls: ['/api/v1/lesson-images/img-1'],
      videoUrl: 'https://v.example.com/a.mp4',
    });
    const form = lessonFormOf(detail);
    expect(form.images).toEqual([{ id: 'img-1', url: '/api/v1/lesson-images/img-1' }]);
    const { ownerOrgUnitId: _owner, ...content } = createRequestOf(form);
    expect(content).toEqual(lessonContentOf(form));
    expect(content.questions).toEqual(detail.questions);
    expect(content.videoUrl).toBe('https://v.example.com/a.mp4');
  });

  it('takes the server’s field errors by their names', () => {
    expect(
      serverLessonErrors([
        { field: 'questions[2].correctOptionIds', message: '单选题只能有一个正确答案' },
        { field: 'title', message: '标题过长' },
        { field: 'title', message: '第二条' },
        { nonsense: true },
      ]),
    ).toEqual({ 'questions[2].correctOptionIds': '单选题只能有一个正确答案', title: '标题过长' });
    expect(serverLessonErrors({ field: 'x' })).toEqual({});
  });
});
