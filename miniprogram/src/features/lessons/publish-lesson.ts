import type { LessonSummary } from '@ankang/shared';
import { apiRequest } from '../../api';

/** Draft → published: workers it targets see it from now on. */
export function publishLesson(id: string): Promise<LessonSummary> {
  return apiRequest<LessonSummary>({ method: 'POST', path: `/lessons/${encodeURIComponent(id)}/publish` });
}
