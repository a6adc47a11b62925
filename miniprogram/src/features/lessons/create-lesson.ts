import type { CreateLessonRequest, LessonDetail } from '@ankang/shared';
import { apiRequest } from '../../api';

/** A new lesson, as a draft of its owner (a union or enterprise in the caller's scope). */
export function createLesson(request: CreateLessonRequest): Promise<LessonDetail> {
  return apiRequest<LessonDetail>({ method: 'POST', path: '/lessons', body: request });
}
