import { type AuthoredQuestion, QuestionType } from '@ankang/shared';
import { answerProblems, scoreQuiz } from './quiz-scoring';

const single: AuthoredQuestion = {
  id: 'q1',
  type: QuestionType.SingleChoice,
  prompt: '顺序？',
  options: [
    { id: 'a', text: '先通风' },
    { id: 'b', text: '先作业' },
  ],
  correctOptionIds: ['a'],
  explanation: '先通风。',
};
const multiple: AuthoredQuestion = {
  id: 'q2',
  type: QuestionType.MultipleChoice,
  prompt: '哪些是有限空间？',
  options: [
    { id: 'a', text: '储罐' },
    { id: 'b', text: '下水道' },
    { id: 'c', text: '地窖' },
    { id: 'd', text: '广场' },
  ],
  correctOptionIds: ['a', 'b', 'c'],
  explanation: '储罐、下水道、地窖。',
};
const trueFalse: AuthoredQuestion = {
  id: 'q3',
  type: QuestionType.TrueFalse,
  prompt: '监护人可以离开。',
  options: [
    { id: 'true', text: '正确' },
    { id: 'false', text: '错误' },
  ],
  correctOptionIds: ['false'],
  explanation: '不可以。',
};
const questions = [single, multiple, trueFalse];

describe('scoreQuiz', () => {
  it('gives full marks for all answers right', () => {
    const result = scoreQuiz(questions, { q1: ['a'], q2: ['c', 'a', 'b'], q3: ['false'] }, 80);
    expect(result.score).toBe(100);
    expect(result.passed).toBe(true);
    expect(result.questions.every((question) => question.correct && question.score === 1)).toBe(true);
  });

  it('scores single choice and true/false 1 or 0', () => {
    const result = scoreQuiz(questions, { q1: ['b'], q2: ['a', 'b', 'c'], q3: ['true'] }, 80);
    expect(result.questions.map((question) => question.score)).toEqual([0, 1, 0]);
    expect(result.score).toBe(33);
    expect(result.passed).toBe(false);
  });

  it('gives part of the point for a multiple-choice answer right as far as it goes', () => {
    const result = scoreQuiz(questions, { q1: ['a'], q2: ['a', 'b'], q3: ['false'] }, 80);
    expect(result.questions[1]).toEqual({
      questionId: 'q2',
      chosenOptionIds: ['a', 'b'],
      score: 2 / 3,
      correct: false,
    });
    // (1 + 2/3 + 1) / 3 = 88.9%
    expect(result.score).toBe(89);
    expect(result.passed).toBe(true);
  });

  it('gives nothing for a multiple-choice answer with any wrong option', () => {
    const result = scoreQuiz(questions, { q1: ['a'], q2: ['a', 'b', 'c', 'd'], q3: ['false'] }, 80);
    expect(result.questions[1].score).toBe(0);
    expect(result.score).toBe(67);
    expect(result.passed).toBe(false);
  });

  it('passes exactly at the pass mark', () => {
    const fourQuestions = [single, { ...single, id: 'q4' }, { ...single, id: 'q5' }, { ...single, id: 'q6' }];
    const answers = { q1: ['a'], q4: ['a'], q5: ['a'], q6: ['b'] };
    expect(scoreQuiz(fourQuestions, answers, 75)).toEqual(expect.objectContaining({ score: 75, passed: true }));
    expect(scoreQuiz(fourQuestions, answers, 76)).toEqual(expect.objectContaining({ score: 75, passed: false }));
  });
});

describe('answerProblems', () => {
  it('accepts every question answered with its own options', () => {
    expect(answerProblems(questions, { q1: ['a'], q2: ['a', 'd'], q3: ['true'] })).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['a missing question', { q1: ['a'], q2: ['a'] }, 'answers.q3'],
    ['an unknown question', { q1: ['a'], q2: ['a'], q3: ['true'], q9: ['a'] }, 'answers.q9'],
    ['an option of no such id', { q1: ['z'], q2: ['a'], q3: ['true'] }, 'answers.q1'],
    ['two options for single choice', { q1: ['a', 'b'], q2: ['a'], q3: ['true'] }, 'answers.q1'],
    ['both answers of true/false', { q1: ['a'], q2: ['a'], q3: ['true', 'false'] }, 'answers.q3'],
    ['no option for single choice', { q1: [], q2: ['a'], q3: ['true'] }, 'answers.q1'],
    ['no option for multiple choice', { q1: ['a'], q2: [], q3: ['true'] }, 'answers.q2'],
    ['one option twice', { q1: ['a'], q2: ['a', 'a'], q3: ['true'] }, 'answers.q2'],
    ['an answer that is no list', { q1: 'a', q2: ['a'], q3: ['true'] }, 'answers.q1'],
    ['a list of numbers', { q1: [1], q2: ['a'], q3: ['true'] }, 'answers.q1'],
  ])('refuses %s', (_case, answers, field) => {
    expect(answerProblems(questions, answers).map((problem) => problem.field)).toContain(field);
  });

  it('refuses answers that are not an object', () => {
    expect(answerProblems(questions, [['a']])).toEqual([{ field: 'answers', message: expect.any(String) }]);
    expect(answerProblems(questions, null)).toHaveLength(1);
  });

  it('does not take an inherited property for an answer', () => {
    const withPrototype = Object.create({ q3: ['true'] }) as Record<string, string[]>;
    Object.assign(withPrototype, { q1: ['a'], q2: ['a'] });
    expect(answerProblems(questions, withPrototype).map((problem) => problem.field)).toEqual(['answers.q3']);
  });
});
