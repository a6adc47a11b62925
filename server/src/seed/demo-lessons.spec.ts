import {
  enumValues,
  LESSON_TITLE_MAX_LENGTH,
  type LessonContent,
  LessonTopic,
  OrgKind,
  QuestionType,
} from '@ankang/shared';
import { lessonContentProblems } from '../training/lesson-content';
import { sanitizeLessonHtml } from '../training/lesson-html';
import { DEMO_LESSONS, type DemoLesson } from './demo-lessons';
import { DEMO_ORG_UNITS, type DemoOrgUnit } from './demo-province';

/** The tags a seed lesson may use: the brief's list, stricter than what the sanitiser keeps. */
const SEED_TAGS = new Set(['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'h3', 'h4', 'blockquote']);
/** The subjects the issue asks the seed to cover, each found in exactly one lesson's title. */
const REQUIRED_SUBJECTS = [
  '有限空间',
  '动火',
  '高处作业',
  '危险化学品泄漏',
  '瓦斯',
  '疲劳驾驶',
  '燃气泄漏',
  '特种设备',
  '三违',
  '新入职',
  '外协',
  '疫情',
];

const unitsByKey = new Map(DEMO_ORG_UNITS.map((unit) => [unit.key, unit]));

function content({ key: _key, ownerKey: _ownerKey, ...lesson }: DemoLesson): LessonContent {
  return lesson;
}

function chineseCharacters(bodyHtml: string): number {
  return bodyHtml.replace(/<[^>]*>/g, '').match(/\p{Script=Han}/gu)?.length ?? 0;
}

/** The enterprises of the owner's subtree (the owner itself when it is one). */
function enterprisesUnder(ownerKey: string): DemoOrgUnit[] {
  const isUnder = (unit: DemoOrgUnit): boolean => {
    for (let key: string | null = unit.key; key !== null; key = unitsByKey.get(key)?.parentKey ?? null) {
      if (key === ownerKey) return true;
    }
    return false;
  };
  return DEMO_ORG_UNITS.filter((unit) => unit.kind === OrgKind.Enterprise && isUnder(unit));
}

describe('demo lessons', () => {
  it('are at least twelve, with unique keys and titles', () => {
    expect(DEMO_LESSONS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(DEMO_LESSONS.map((lesson) => lesson.key)).size).toBe(DEMO_LESSONS.length);
    expect(new Set(DEMO_LESSONS.map((lesson) => lesson.title)).size).toBe(DEMO_LESSONS.length);
  });

  it.each(DEMO_LESSONS.map((lesson) => [lesson.key, lesson] as const))(
    '%s has no problems by the rules the lesson API applies',
    (_key, lesson) => {
      expect(lessonContentProblems(content(lesson))).toEqual([]);
    },
  );

  it('cover every subject the issue names, one lesson each, and every lesson topic', () => {
    for (const subject of REQUIRED_SUBJECTS) {
      expect({ subject, lessons: DEMO_LESSONS.filter((lesson) => lesson.title.includes(subject)).length }).toEqual({
        subject,
        lessons: 1,
      });
    }
    expect(new Set(DEMO_LESSONS.map((lesson) => lesson.topic))).toEqual(new Set(enumValues(LessonTopic)));
  });

  it('have short titles, a pass mark of 60–80 and no media to fetch', () => {
    for (const lesson of DEMO_LESSONS) {
      expect([...lesson.title].length).toBeLessThanOrEqual(LESSON_TITLE_MAX_LENGTH);
      expect(lesson.passMark).toBeGreaterThanOrEqual(60);
      expect(lesson.passMark).toBeLessThanOrEqual(80);
      expect(lesson.imageIds).toEqual([]);
      expect(lesson.videoUrl).toBeNull();
    }
  });

  it('have bodies of 300–900 Chinese characters read in 60–300 seconds at a gate-side reading pace', () => {
    for (const lesson of DEMO_LESSONS) {
      const characters = chineseCharacters(lesson.bodyHtml);
      expect({ key: lesson.key, characters, fits: characters >= 300 && characters <= 900 }).toEqual({
        key: lesson.key,
        characters,
        fits: true,
      });
      expect(lesson.durationSeconds).toBeGreaterThanOrEqual(60);
      expect(lesson.durationSeconds).toBeLessThanOrEqual(300);
      // 200–400 characters a minute: careful reading on a phone, neither skimming nor idling.
      const charactersPerMinute = (characters * 60) / lesson.durationSeconds;
      expect({ key: lesson.key, pace: charactersPerMinute >= 200 && charactersPerMinute <= 400 }).toEqual({
        key: lesson.key,
        pace: true,
      });
    }
  });

  it('use only the allowed tags, without attributes, and come through the sanitiser unchanged', () => {
    for (const lesson of DEMO_LESSONS) {
      const tags = [...lesson.bodyHtml.matchAll(/<\/?([a-z0-9]+)([^>]*)>/g)];
      for (const [, name, attributes] of tags) {
        expect({ key: lesson.key, name, allowed: SEED_TAGS.has(name), attributes }).toEqual({
          key: lesson.key,
          name,
          allowed: true,
          attributes: '',
        });
      }
      expect(sanitizeLessonHtml(lesson.bodyHtml)).toBe(lesson.bodyHtml);
      // The parts every lesson has: rules in a list, a case, what to do in an emergency.
      expect(lesson.bodyHtml).toMatch(/<(ol|ul)><li>/);
      expect(lesson.bodyHtml).toContain('<blockquote>');
      expect(lesson.bodyHtml.match(/<h3>/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    }
  });

  it('ask three to five questions each, mixing single choice, multiple choice and true/false', () => {
    for (const lesson of DEMO_LESSONS) {
      expect(lesson.questions.length).toBeGreaterThanOrEqual(3);
      expect(lesson.questions.length).toBeLessThanOrEqual(5);
      expect(new Set(lesson.questions.map((question) => question.type))).toEqual(new Set(enumValues(QuestionType)));
      for (const question of lesson.questions) {
        expect(question.prompt).toMatch(/\p{Script=Han}/u);
        expect(question.explanation).toMatch(/\p{Script=Han}/u);
        // A multiple-choice question with every option right teaches nothing; with one right it is single choice.
        if (question.type === QuestionType.MultipleChoice) {
          expect(question.correctOptionIds.length).toBeGreaterThanOrEqual(2);
          expect(question.correctOptionIds.length).toBeLessThan(question.options.length);
        }
      }
    }
  });

  it('belong to a union or enterprise of the demo province whose subtree has workers they target', () => {
    for (const lesson of DEMO_LESSONS) {
      const owner = unitsByKey.get(lesson.ownerKey);
      expect([OrgKind.Union, OrgKind.Enterprise]).toContain(owner?.kind);
      const reached = enterprisesUnder(lesson.ownerKey).filter(
        (enterprise) =>
          lesson.industries.length === 0 ||
          (enterprise.industry !== undefined && lesson.industries.includes(enterprise.industry)),
      );
      expect({ key: lesson.key, reachesAnEnterprise: reached.length > 0 }).toEqual({
        key: lesson.key,
        reachesAnEnterprise: true,
      });
    }
  });
});
