/** Pages of 班前打卡 and training (main package unless said). */
export const TRAINING_TAB_URL = '/pages/training/index';
/** Staff subpackage. */
export const LESSONS_URL = '/packages/staff/lessons/index';
export const ROLL_CALL_URL = '/packages/staff/roll-call/index';

/** Today's card wherever the worker checked in (the check-in page without a workplace). */
export const TODAYS_CARD_URL = '/pages/check-in/index';

/** 班前打卡 at a workplace (its id, as the workplace card gives it). */
export function checkInPageUrl(workplaceId: string): string {
  return `/pages/check-in/index?workplaceId=${encodeURIComponent(workplaceId)}`;
}

/** A lesson to study and answer; with the check-in it is today's pre-shift lesson of. */
export function lessonPageUrl(lessonId: string, checkInId?: string | null): string {
  const base = `/pages/lesson/index?id=${encodeURIComponent(lessonId)}`;
  return checkInId ? `${base}&checkInId=${encodeURIComponent(checkInId)}` : base;
}

/** The lesson editor: a new lesson without an id. */
export function lessonEditorUrl(lessonId?: string): string {
  const base = '/packages/staff/lesson-edit/index';
  return lessonId ? `${base}?id=${encodeURIComponent(lessonId)}` : base;
}

export function lessonAssignUrl(lessonId: string): string {
  return `/packages/staff/lesson-assign/index?id=${encodeURIComponent(lessonId)}`;
}

export function rollCallUrl(workplaceId?: string): string {
  return workplaceId ? `${ROLL_CALL_URL}?workplaceId=${encodeURIComponent(workplaceId)}` : ROLL_CALL_URL;
}
