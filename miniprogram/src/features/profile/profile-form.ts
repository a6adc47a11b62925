import {
  DISPLAY_NAME_MAX_LENGTH,
  EMPLOYEE_NUMBER_MAX_LENGTH,
  type MeResponse,
  type UpdateMeRequest,
  WorkerGroup,
} from '@ankang/shared';

/** The server's limits (shared), checked here first so the person sees them at once. */

export { DISPLAY_NAME_MAX_LENGTH, EMPLOYEE_NUMBER_MAX_LENGTH };

export interface ProfileForm {
  displayName: string;
  employeeNumber: string;
  workerGroups: WorkerGroup[];
}

export type ProfileField = keyof ProfileForm;
export type ProfileErrors = Partial<Record<ProfileField, string>>;

/** Characters as a person counts them (a CJK character or an emoji is one). */
function characterCount(value: string): number {
  return Array.from(value).length;
}

export function profileFormFor(me: MeResponse): ProfileForm {
  return {
    displayName: me.displayName,
    employeeNumber: me.employeeNumber ?? '',
    workerGroups: [...me.workerGroups],
  };
}

/** What is wrong with the form, field by field, in Chinese; empty when it may be sent. */
export function validateProfile(form: ProfileForm): ProfileErrors {
  const errors: ProfileErrors = {};
  const name = form.displayName.trim();
  if (name.length === 0) {
    errors.displayName = '请填写姓名';
  } else if (characterCount(name) > DISPLAY_NAME_MAX_LENGTH) {
    errors.displayName = `姓名不能超过 ${DISPLAY_NAME_MAX_LENGTH} 个字`;
  }
  if (characterCount(form.employeeNumber.trim()) > EMPLOYEE_NUMBER_MAX_LENGTH) {
    errors.employeeNumber = `工号不能超过 ${EMPLOYEE_NUMBER_MAX_LENGTH} 个字符`;
  }
  const known = new Set<string>(Object.values(WorkerGroup));
  if (form.workerGroups.some((group) => !known.has(group))) {
    errors.workerGroups = '请选择列出的重点人群';
  }
  return errors;
}

/** The request for a valid form: trimmed, an empty employee number cleared, groups in a stable order. */
export function updateRequestFor(form: ProfileForm): UpdateMeRequest {
  const employeeNumber = form.employeeNumber.trim();
  const order = Object.values(WorkerGroup);
  return {
    displayName: form.displayName.trim(),
    employeeNumber: employeeNumber === '' ? null : employeeNumber,
    workerGroups: order.filter((group) => form.workerGroups.includes(group)),
  };
}

/** Field errors the server sent back (`details: [{field, message}]`) for the fields of this form. */
export function serverFieldErrors(details: unknown): ProfileErrors {
  const errors: ProfileErrors = {};
  if (!Array.isArray(details)) {
    return errors;
  }
  const fields: readonly string[] = ['displayName', 'employeeNumber', 'workerGroups'];
  for (const detail of details) {
    const field = (detail as { field?: unknown })?.field;
    const message = (detail as { message?: unknown })?.message;
    if (typeof field === 'string' && fields.includes(field) && typeof message === 'string') {
      errors[field as ProfileField] = message;
    }
  }
  return errors;
}
