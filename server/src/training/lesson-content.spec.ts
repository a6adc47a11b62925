import { Industry, type LessonContent, LessonTopic, QuestionType, WorkerGroup } from '@ankang/shared';
import { lessonContentProblems, normalizedLessonContent, onlyQuestionProblems } from './lesson-content';

function validContent(): LessonContent {
  return {
    title: '有限空间作业：先通风、再检测、后作业',
    topic: LessonTopic.OperatingProcedure,
    bodyHtml: '<p>进入有限空间前必须<strong>通风</strong>并检测。</p>',
    imageIds: ['12'],
    videoUrl: 'https://video.example.cn/lessons/confined-space.mp4',
    durationSeconds: 180,
    workerGroups: [WorkerGroup.SpecialOperations],
    industries: [Industry.HazardousChemicals, Industry.CityGas],
    passMark: 80,
    questions: [
      {
        id: 'q1',
        type: QuestionType.SingleChoice,
        prompt: '进入有限空间作业前，正确的顺序是？',
        options: [
          { id: 'a', text: '先通风、再检测、后作业' },
          { id: 'b', text: '先作业、再通风' },
        ],
        correctOptionIds: ['a'],
        explanation: '有限空间可能缺氧或积聚有毒气体。',
      },
      {
        id: 'q2',
        type: QuestionType.MultipleChoice,
        prompt: '哪些是有限空间？',
        options: [
          { id: 'a', text: '储罐' },
          { id: 'b', text: '下水道' },
          { id: 'c', text: '露天广场' },
        ],
        correctOptionIds: ['a', 'b'],
        explanation: '储罐、下水道都是有限空间。',
      },
      {
        id: 'q3',
        type: QuestionType.TrueFalse,
        prompt: '监护人可以离开作业现场。',
        options: [
          { id: 'true', text: '正确' },
          { id: 'false', text: '错误' },
        ],
        correctOptionIds: ['false'],
        explanation: '监护人必须全程在场。',
      },
    ],
  };
}

function fieldsOf(content: LessonContent): string[] {
  return lessonContentProblems(content).map((problem) => problem.field);
}

describe('lessonContentProblems', () => {
  it('finds nothing wrong with a complete lesson', () => {
    expect(lessonContentProblems(validContent())).toEqual([]);
  });

  it.each<[string, (content: LessonContent) => void, string]>([
    ['an empty title', (content) => (content.title = '   '), 'title'],
    ['a title over 60 characters', (content) => (content.title = '安'.repeat(61)), 'title'],
    ['a title over two lines', (content) => (content.title = '有限空间\n作业'), 'title'],
    ['a title with a NUL', (content) => (content.title = '有限\u0000空间'), 'title'],
    ['an unknown topic', (content) => (content.topic = 'gossip' as LessonTopic), 'topic'],
    ['a body over 20,000 characters', (content) => (content.bodyHtml = '安'.repeat(20_001)), 'bodyHtml'],
    [
      'a body with no text and no video',
      (content) => {
        content.bodyHtml = '<p> </p><script>alert(1)</script>';
        content.videoUrl = null;
      },
      'bodyHtml',
    ],
    ['an http video', (content) => (content.videoUrl = 'http://video.example.cn/a.mp4'), 'videoUrl'],
    ['a javascript: video', (content) => (content.videoUrl = 'javascript:alert(1)'), 'videoUrl'],
    ['a video URL with a password', (content) => (content.videoUrl = 'https://u:p@video.example.cn/a.mp4'), 'videoUrl'],
    ['a blank video URL', (content) => (content.videoUrl = ' '), 'videoUrl'],
    ['a duration under 30 s', (content) => (content.durationSeconds = 29), 'durationSeconds'],
    ['a duration over 1800 s', (content) => (content.durationSeconds = 1801), 'durationSeconds'],
    ['a fractional duration', (content) => (content.durationSeconds = 90.5), 'durationSeconds'],
    ['a pass mark of 0', (content) => (content.passMark = 0), 'passMark'],
    ['a pass mark over 100', (content) => (content.passMark = 101), 'passMark'],
    ['an image id that is no id', (content) => (content.imageIds = ['../etc']), 'imageIds[0]'],
    ['the same image twice', (content) => (content.imageIds = ['12', '12']), 'imageIds[1]'],
    ['ten images', (content) => (content.imageIds = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']), 'imageIds'],
    [
      'a worker group twice',
      (content) => (content.workerGroups = [WorkerGroup.NewHire, WorkerGroup.NewHire]),
      'workerGroups[1]',
    ],
    ['an unknown industry', (content) => (content.industries = ['farming' as Industry]), 'industries[0]'],
  ])('refuses %s', (_case, change, field) => {
    const content = validContent();
    change(content);
    expect(fieldsOf(content)).toContain(field);
  });

  it.each<[string, (content: LessonContent) => void, string]>([
    ['no questions', (content) => (content.questions = []), 'questions'],
    [
      'eleven questions',
      (content) => {
        content.questions = Array.from({ length: 11 }, (_, index) => ({ ...content.questions[0], id: `q${index}` }));
      },
      'questions',
    ],
    ['two questions with one id', (content) => (content.questions[1].id = 'q1'), 'questions[1].id'],
    [
      'a question id that could be a prototype key',
      (content) => (content.questions[0].id = '__proto__'),
      'questions[0].id',
    ],
    [
      'an unknown question type',
      (content) => (content.questions[0].type = 'essay' as QuestionType),
      'questions[0].type',
    ],
    ['an empty prompt', (content) => (content.questions[0].prompt = ''), 'questions[0].prompt'],
    [
      'a prompt with a control character',
      (content) => (content.questions[0].prompt = '顺序\u0007？'),
      'questions[0].prompt',
    ],
    ['a missing explanation', (content) => (content.questions[2].explanation = ' '), 'questions[2].explanation'],
    [
      'single choice with one option',
      (content) => (content.questions[0].options = [content.questions[0].options[0]]),
      'questions[0].options',
    ],
    [
      'single choice with seven options',
      (content) => {
        content.questions[0].options = 'abcdefg'.split('').map((id) => ({ id, text: id }));
      },
      'questions[0].options',
    ],
    [
      'single choice with two correct options',
      (content) => (content.questions[0].correctOptionIds = ['a', 'b']),
      'questions[0].correctOptionIds',
    ],
    [
      'single choice with no correct option',
      (content) => (content.questions[0].correctOptionIds = []),
      'questions[0].correctOptionIds',
    ],
    ['two options with one id', (content) => (content.questions[0].options[1].id = 'a'), 'questions[0].options[1].id'],
    [
      'an option without text',
      (content) => (content.questions[0].options[1].text = ''),
      'questions[0].options[1].text',
    ],
    [
      'multiple choice with no correct option',
      (content) => (content.questions[1].correctOptionIds = []),
      'questions[1].correctOptionIds',
    ],
    [
      'a correct option that is not an option',
      (content) => (content.questions[1].correctOptionIds = ['a', 'z']),
      'questions[1].correctOptionIds',
    ],
    [
      'a correct option named twice',
      (content) => (content.questions[1].correctOptionIds = ['a', 'a']),
      'questions[1].correctOptionIds',
    ],
    [
      'true/false with other options',
      (content) => {
        content.questions[2].options = [
          { id: 'yes', text: '对' },
          { id: 'no', text: '错' },
        ];
        content.questions[2].correctOptionIds = ['no'];
      },
      'questions[2].options',
    ],
    [
      'true/false with a third option',
      (content) => content.questions[2].options.push({ id: 'maybe', text: '不确定' }),
      'questions[2].options',
    ],
    [
      'true/false with both answers correct',
      (content) => (content.questions[2].correctOptionIds = ['true', 'false']),
      'questions[2].correctOptionIds',
    ],
  ])('refuses %s, naming the question field', (_case, change, field) => {
    const content = validContent();
    change(content);
    const problems = lessonContentProblems(content);
    expect(problems.map((problem) => problem.field)).toContain(field);
    expect(onlyQuestionProblems(problems)).toBe(true);
    for (const problem of problems) expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('accepts a lesson with a video and no body text', () => {
    const content = validContent();
    content.bodyHtml = '';
    expect(lessonContentProblems(content)).toEqual([]);
  });

  it('does not fall over on content of the wrong shape', () => {
    const broken = {
      ...validContent(),
      questions: [null, 'q'],
      imageIds: 'x',
      workerGroups: null,
    } as unknown as LessonContent;
    expect(fieldsOf(broken)).toEqual(
      expect.arrayContaining(['questions[0]', 'questions[1]', 'imageIds', 'workerGroups']),
    );
  });
});

describe('onlyQuestionProblems', () => {
  it('is false when any problem lies outside the questions', () => {
    expect(onlyQuestionProblems([{ field: 'title', message: '不能为空' }])).toBe(false);
    expect(onlyQuestionProblems([])).toBe(false);
  });
});

describe('normalizedLessonContent', () => {
  it('trims text, sanitises the body and keeps everything else', () => {
    const content = validContent();
    content.title = '  有限空间  ';
    content.bodyHtml = ' <p onclick="x()">正文</p><script>alert(1)</script> ';
    content.questions[0].prompt = ' 顺序？ ';
    const normalized = normalizedLessonContent(content);
    expect(normalized.title).toBe('有限空间');
    expect(normalized.bodyHtml).toBe('<p>正文</p>');
    expect(normalized.questions[0].prompt).toBe('顺序？');
    expect(normalized.questions[1].correctOptionIds).toEqual(['a', 'b']);
    expect(normalized.videoUrl).toBe(content.videoUrl);
  });
});
