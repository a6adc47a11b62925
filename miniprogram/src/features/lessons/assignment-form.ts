import { ERROR_MESSAGES, isChinaDate, TrainingErrorCode } from '@ankang/shared';

/** Why a due date cannot be used, or null: a real `YYYY-MM-DD` not before today (China days). */
export function dueOnProblem(value: string, today: string): string | null {
  const date = value.trim();
  if (date === '') return '请选择完成期限';
  if (!isChinaDate(date)) return '请按 年-月-日 填写日期，如 2026-12-31';
  if (date < today) return ERROR_MESSAGES[TrainingErrorCode.DueDateInPast];
  return null;
}
