import { QuestionType, type QuizQuestion } from '@ankang/shared';
import {
  choose,
  clockLabel,
  durationLabel,
  optionLabel,
  secondsUntil,
  submissionAnswers,
  unansweredQuestions,
  unlockTimeOf,
} from './quiz';

const single: QuizQuestion = {
  id: 'q1',
  type: QuestionType.SingleChoice,
  prompt: '第一步？',
  options: [
    { id: 'a', text: '进入' },
    { id: 'b', text: '通风' },
  ],
};
const multiple: QuizQuestion = {
  id: 'q2',
  type: QuestionType.MultipleChoice,
  prompt: '必须做到？',
  options: [
    { id: 'a', text: '检测' },
    { id: 'b', text: '监护' },
    { id: 'c', text: '快进快出' },
  ],
};
const trueFalse: QuizQuestion = {
  id: 'q3',
  type: QuestionType.TrueFalse,
  prompt: '戴面具可不检测。',
  options: [
    { id: 'true', text: '正确' },
    { id: 'false', text: '错误' },
  ],
};

describe('quiz on the phone', () => {
  it('replaces the choice of single choice and true/false questions', () => {
    let answers = choose({}, single, 'a');
    answers = choose(answers, single, 'b');
    expect(answers).toEqual({ q1: ['b'] });
    answers = choose(answers, trueFalse, 'true');
    answers = choose(answers, trueFalse, 'false');
    expect(answers).toEqual({ q1: ['b'], q3: ['false'] });
  });

  it('toggles options of multiple choice, kept in the order shown', () => {
    let answers = choose({}, multiple, 'b');
    answers = choose(answers, multiple, 'a');
    expect(answers.q2).toEqual(['a', 'b']);
    answers = choose(answers, multiple, 'b');
    expect(answers.q2).toEqual(['a']);
  });

  it('ignores an option the question does not have', () => {
    expect(choose({}, single, 'z')).toEqual({});
  });

  it('names what is unanswered and sends exactly the questions asked', () => {
    const answers = { q1: ['b'], q2: [], stale: ['a'] };
    expect(unansweredQuestions([single, multiple, trueFalse], answers).map((question) => question.id)).toEqual([
      'q2',
      'q3',
    ]);
    expect(submissionAnswers([single, multiple, trueFalse], answers)).toEqual({ q1: ['b'], q2: [], q3: [] });
  });

  it('says 对 and 错 for true/false and the option text otherwise', () => {
    expect(optionLabel(trueFalse, trueFalse.options[0])).toBe('对');
    expect(optionLabel(trueFalse, trueFalse.options[1])).toBe('错');
    expect(optionLabel(single, single.options[1])).toBe('通风');
  });

  it('unlocks after the server’s wait counted on the phone’s clock, whatever that clock says', () => {
    // The server opened the attempt at 08:00:00 and allows submission at 08:01:30 (90 s).
    const attempt = { openedAt: '2026-11-29T00:00:00.000Z', submittableAt: '2026-11-29T00:01:30.000Z' };
    // A phone whose clock is a day behind still waits exactly 90 s from when the attempt arrived.
    const receivedAt = Date.parse('2026-11-28T00:00:05.000Z');
    expect(unlockTimeOf(attempt, receivedAt)).toBe(receivedAt + 90_000);
    expect(secondsUntil(unlockTimeOf(attempt, receivedAt), receivedAt + 500)).toBe(90);
    expect(secondsUntil(unlockTimeOf(attempt, receivedAt), receivedAt + 89_001)).toBe(1);
    expect(secondsUntil(unlockTimeOf(attempt, receivedAt), receivedAt + 90_000)).toBe(0);
    // Nonsense from the server (submittable before opened) means no wait, not a negative one.
    expect(unlockTimeOf({ openedAt: attempt.submittableAt, submittableAt: attempt.openedAt }, 1000)).toBe(1000);
  });

  it('writes durations and the running clock in Chinese', () => {
    expect(durationLabel(45)).toBe('45 秒');
    expect(durationLabel(180)).toBe('3 分钟');
    expect(durationLabel(90)).toBe('1 分 30 秒');
    expect(clockLabel(65)).toBe('1:05');
    expect(clockLabel(0)).toBe('0:00');
  });
});
