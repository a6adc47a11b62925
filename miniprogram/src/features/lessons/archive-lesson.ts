import type { LessonSummary } from '@ankang/shared';
import { apiRequest } from '../../api';

/** Withdrawn from workers; completions keep their record. */
export function archiveLesson(id: string): Promise<LessonSummary> {
  return apiRequest<LessonSummary>({ method: 'POST', path: `/lessons/${encodeURIComponent(id)}/archive` });
}
