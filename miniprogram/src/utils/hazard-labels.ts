import {
  HAZARD_ACTION_LABELS,
  HAZARD_CATEGORY_LABELS,
  HAZARD_GRADE_LABELS,
  HAZARD_STATE_LABELS,
  HAZARD_SYSTEM_EVENT_LABELS,
  type HazardAction,
  type HazardCategory,
  type HazardEvent,
  type HazardGrade,
  type HazardState,
  type HazardSystemEventAction,
  ReporterVisibility,
  THREE_VIOLATIONS,
} from '@ankang/shared';

export function stateLabel(state: HazardState): string {
  return HAZARD_STATE_LABELS[state] ?? state;
}

export function gradeLabel(grade: HazardGrade | null): string {
  return grade ? (HAZARD_GRADE_LABELS[grade] ?? grade) : '待研判';
}

export function categoryLabel(category: HazardCategory): string {
  return HAZARD_CATEGORY_LABELS[category] ?? category;
}

export function isThreeViolations(category: HazardCategory): boolean {
  return THREE_VIOLATIONS.includes(category);
}

/** What happened at a timeline entry, in Chinese (an unknown action still reads sensibly). */
export function eventLabel(action: string): string {
  if (action === 'report') {
    return '上报隐患';
  }
  return (
    HAZARD_ACTION_LABELS[action as HazardAction] ??
    HAZARD_SYSTEM_EVENT_LABELS[action as HazardSystemEventAction] ??
    (action.startsWith('remind') ? '系统提醒' : '处理')
  );
}

/** Who did it: the person, or 匿名 / 上报人 for a reporter the caller may not see, or 系统. */
export function eventActor(event: Pick<HazardEvent, 'action' | 'actor'>, visibility: ReporterVisibility): string {
  if (event.actor) {
    return event.actor.displayName;
  }
  if (event.action === 'report') {
    return visibility === ReporterVisibility.Anonymous ? '匿名' : '上报人（姓名已隐藏）';
  }
  return '系统';
}
