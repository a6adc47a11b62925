import { LessonReason } from '@ankang/shared';
import { chooseTodaysLesson, orderRefreshers, orderRequired } from './todays-lesson';

const at = (iso: string) => new Date(iso);
const today = '2026-03-10';

describe('orderRequired', () => {
  it('puts the earliest due date first, undated ones last, then the oldest published', () => {
    const ordered = orderRequired([
      { lessonId: 1, dueOn: null, firstPublishedAt: at('2026-01-01T00:00:00Z') },
      { lessonId: 2, dueOn: '2026-03-20', firstPublishedAt: at('2026-02-01T00:00:00Z') },
      { lessonId: 3, dueOn: '2026-03-12', firstPublishedAt: at('2026-02-05T00:00:00Z') },
      { lessonId: 4, dueOn: null, firstPublishedAt: at('2025-12-01T00:00:00Z') },
      { lessonId: 5, dueOn: '2026-03-12', firstPublishedAt: at('2026-01-05T00:00:00Z') },
    ]);
    expect(ordered.map((lesson) => lesson.lessonId)).toEqual([5, 3, 2, 4, 1]);
  });
});

describe('orderRefreshers', () => {
  it('puts lessons with mistakes in their latest go first, then the longest ago', () => {
    const ordered = orderRefreshers(
      [
        { lessonId: 1, latestSubmittedAt: at('2026-02-01T00:00:00Z'), latestHadMistakes: false },
        { lessonId: 2, latestSubmittedAt: at('2026-02-20T00:00:00Z'), latestHadMistakes: true },
        { lessonId: 3, latestSubmittedAt: at('2026-01-15T00:00:00Z'), latestHadMistakes: false },
        { lessonId: 4, latestSubmittedAt: at('2026-02-10T00:00:00Z'), latestHadMistakes: true },
      ],
      today,
    );
    expect(ordered.map((lesson) => lesson.lessonId)).toEqual([4, 2, 3, 1]);
  });

  it('rests lessons gone over in the last three China days while others are due', () => {
    const ordered = orderRefreshers(
      [
        // 2026-03-08 00:30 in China: two days ago, still resting.
        { lessonId: 1, latestSubmittedAt: at('2026-03-07T16:30:00Z'), latestHadMistakes: true },
        // 2026-03-07 23:30 in China: three days ago, rested.
        { lessonId: 2, latestSubmittedAt: at('2026-03-07T15:30:00Z'), latestHadMistakes: false },
      ],
      today,
    );
    expect(ordered.map((lesson) => lesson.lessonId)).toEqual([2]);
  });

  it('offers resting lessons when nothing else is left', () => {
    const ordered = orderRefreshers(
      [
        { lessonId: 1, latestSubmittedAt: at('2026-03-09T02:00:00Z'), latestHadMistakes: false },
        { lessonId: 2, latestSubmittedAt: at('2026-03-10T02:00:00Z'), latestHadMistakes: true },
      ],
      today,
    );
    expect(ordered.map((lesson) => lesson.lessonId)).toEqual([2, 1]);
  });
});

describe('chooseTodaysLesson', () => {
  const completed = [{ lessonId: 9, latestSubmittedAt: at('2026-01-01T00:00:00Z'), latestHadMistakes: false }];

  it('takes a required lesson first', () => {
    expect(
      chooseTodaysLesson(
        [{ lessonId: 7, dueOn: null, firstPublishedAt: at('2026-01-01T00:00:00Z') }],
        completed,
        today,
      ),
    ).toEqual({ lessonId: 7, reason: LessonReason.Required });
  });

  it('takes a refresher when every required lesson is passed', () => {
    expect(chooseTodaysLesson([], completed, today)).toEqual({ lessonId: 9, reason: LessonReason.Refresher });
  });

  it('takes none when there are no lessons at all', () => {
    expect(chooseTodaysLesson([], [], today)).toBeNull();
  });
});
