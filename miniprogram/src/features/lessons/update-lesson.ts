import type { LessonDetail, UpdateLessonRequest } from '@ankang/shared';
import { apiRequest } from '../../api';

/** Saves the content: a draft changes in place; a published lesson gets a new version (old ones never change). */
export function updateLesson(id: string, request: UpdateLessonRequest): Promise<LessonDetail> {
  return apiRequest<LessonDetail>({ method: 'PUT', path: `/lessons/${encodeURIComponent(id)}`, body: request });
}
