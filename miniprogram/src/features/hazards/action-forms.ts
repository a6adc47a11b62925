/**
 * The action forms' rules, checked on the phone before sending (the server checks them again and
 * has the last word): required reasons, the deadline a real China date not before today, the
 * contingency plan for 重大, after-photos for a fix.
 */
import {
  type AuthorityReportRequest,
  chinaDateOf,
  ERROR_MESSAGES,
  type ExtensionRequest,
  HAZARD_NOTE_MAX_LENGTH,
  HAZARD_PHOTOS_MAX,
  type HazardCategory,
  HazardErrorCode,
  HazardGrade,
  type HazardPerson,
  type Industry,
  isChinaDate,
  type ReassignHazardRequest,
  type TriageHazardRequest,
} from '@ankang/shared';
import { characterCount } from './report-draft';

export type FormErrors<F extends string> = Partial<Record<F, string>>;

/** Today in China (deadlines are China calendar days). */
export function chinaToday(now = new Date()): string {
  return chinaDateOf(now);
}

function required(value: string, label: string): string | undefined {
  const text = value.trim();
  if (text === '') {
    return `请填写${label}`;
  }
  if (characterCount(text) > HAZARD_NOTE_MAX_LENGTH) {
    return `${label}不能超过 ${HAZARD_NOTE_MAX_LENGTH} 字`;
  }
  return undefined;
}

function optional(value: string, label: string): string | undefined {
  return characterCount(value.trim()) > HAZARD_NOTE_MAX_LENGTH
    ? `${label}不能超过 ${HAZARD_NOTE_MAX_LENGTH} 字`
    : undefined;
}

/** A deadline: a real `YYYY-MM-DD`, not before `notBefore` (today), and after `after` when given. */
function deadlineProblem(value: string, today: string, after?: string | null): string | undefined {
  const date = value.trim();
  if (date === '') {
    return '请选择整改期限';
  }
  if (!isChinaDate(date)) {
    return '请按 年-月-日 填写日期，如 2026-12-31';
  }
  if (date < today) {
    return ERROR_MESSAGES[HazardErrorCode.DeadlineInPast];
  }
  if (after && date <= after) {
    return `新的期限须晚于现在的期限 ${after}`;
  }
  return undefined;
}

function withoutEmpty<F extends string>(errors: Record<F, string | undefined>): FormErrors<F> {
  const result: FormErrors<F> = {};
  for (const [field, message] of Object.entries(errors) as [F, string | undefined][]) {
    if (message) {
      result[field] = message;
    }
  }
  return result;
}

/** 五定: who, what measures, what funding, by when, and the plan if things go wrong. */
export interface AssignmentForm {
  responsible: HazardPerson | null;
  measures: string;
  funding: string;
  deadline: string;
  contingencyPlan: string;
}

export interface TriageForm extends AssignmentForm {
  grade: HazardGrade | null;
  category: HazardCategory;
  industry: Industry | null;
}

export type TriageField = 'grade' | 'responsible' | 'measures' | 'funding' | 'deadline' | 'contingencyPlan';

function assignmentErrors(form: AssignmentForm, major: boolean, today: string) {
  return {
    responsible: form.responsible ? undefined : '请选择整改责任人',
    measures: required(form.measures, '整改措施'),
    funding: optional(form.funding, '整改资金'),
    deadline: deadlineProblem(form.deadline, today),
    contingencyPlan: major
      ? form.contingencyPlan.trim() === ''
        ? ERROR_MESSAGES[HazardErrorCode.ContingencyPlanRequired]
        : optional(form.contingencyPlan, '应急预案')
      : optional(form.contingencyPlan, '应急预案'),
  };
}

export function validateTriage(form: TriageForm, today: string): FormErrors<TriageField> {
  return withoutEmpty({
    grade: form.grade ? undefined : '请选择隐患等级',
    ...assignmentErrors(form, form.grade === HazardGrade.Major, today),
  });
}

export type ReassignField = Exclude<TriageField, 'grade'> | 'note';

export function validateReassign(
  form: AssignmentForm & { note: string },
  grade: HazardGrade | null,
  today: string,
): FormErrors<ReassignField> {
  return withoutEmpty({
    ...assignmentErrors(form, grade === HazardGrade.Major, today),
    note: optional(form.note, '说明'),
  });
}

function assignmentRequest(form: AssignmentForm) {
  const funding = form.funding.trim();
  const contingencyPlan = form.contingencyPlan.trim();
  return {
    responsibleUserId: (form.responsible as HazardPerson).id,
    measures: form.measures.trim(),
    ...(funding ? { funding } : {}),
    deadline: form.deadline.trim(),
    ...(contingencyPlan ? { contingencyPlan } : {}),
  };
}

export function triageRequest(form: TriageForm): TriageHazardRequest {
  return {
    grade: form.grade as HazardGrade,
    category: form.category,
    ...(form.industry ? { industry: form.industry } : {}),
    ...assignmentRequest(form),
  };
}

export function reassignRequest(form: AssignmentForm & { note: string }): ReassignHazardRequest {
  const note = form.note.trim();
  return { ...assignmentRequest(form), ...(note ? { note } : {}) };
}

/** A reason that must be given (reject, fail, reopen). */
export function validateReason(reason: string, label = '原因'): FormErrors<'reason'> {
  return withoutEmpty({ reason: required(reason, label) });
}

/** An optional note (pass, approve or deny an extension). */
export function validateNote(note: string): FormErrors<'note'> {
  return withoutEmpty({ note: optional(note, '说明') });
}

export type FixField = 'note' | 'photos';

/** A fix needs a note and 1–9 after-photos. */
export function validateFix(form: { note: string; photos: readonly unknown[] }): FormErrors<FixField> {
  return withoutEmpty({
    note: required(form.note, '整改情况'),
    photos:
      form.photos.length === 0
        ? ERROR_MESSAGES[HazardErrorCode.AfterPhotoRequired]
        : form.photos.length > HAZARD_PHOTOS_MAX
          ? `最多 ${HAZARD_PHOTOS_MAX} 张照片`
          : undefined,
  });
}

export type ExtensionField = 'deadline' | 'reason';

/** A new deadline later than the current one (and not before today), with a reason. */
export function validateExtension(
  form: { deadline: string; reason: string },
  today: string,
  currentDeadline: string | null,
): FormErrors<ExtensionField> {
  return withoutEmpty({
    deadline: deadlineProblem(form.deadline, today, currentDeadline),
    reason: required(form.reason, '延期理由'),
  });
}

export function extensionRequest(form: { deadline: string; reason: string }): ExtensionRequest {
  return { deadline: form.deadline.trim(), reason: form.reason.trim() };
}

export type AuthorityField = 'department' | 'reportedOn' | 'reference';

/** 报送主管部门: which department, on which day (not in the future), and its reference if any. */
export function validateAuthorityReport(
  form: { department: string; reportedOn: string; reference: string },
  today: string,
): FormErrors<AuthorityField> {
  const date = form.reportedOn.trim();
  return withoutEmpty({
    department: required(form.department, '主管部门'),
    reportedOn:
      date === ''
        ? '请填写报送日期'
        : !isChinaDate(date)
          ? '请按 年-月-日 填写日期，如 2026-12-31'
          : date > today
            ? '报送日期不能晚于今天'
            : undefined,
    reference: optional(form.reference, '文号'),
  });
}

export function authorityReportRequest(form: {
  department: string;
  reportedOn: string;
  reference: string;
}): AuthorityReportRequest {
  const reference = form.reference.trim();
  return {
    department: form.department.trim(),
    reportedOn: form.reportedOn.trim(),
    ...(reference ? { reference } : {}),
  };
}
