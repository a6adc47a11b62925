import type { LessonDetail } from '@ankang/shared';
import { apiRequest } from '../../api';

/** A lesson as its editors see it, answers included (404 outside the caller's scope). */
export function fetchLesson(id: string): Promise<LessonDetail> {
  return apiRequest<LessonDetail>({ path: `/lessons/${encodeURIComponent(id)}` });
}
