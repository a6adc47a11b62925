import type { LessonAttempt, OpenAttemptRequest } from '@ankang/shared';
import { apiRequest } from '../../api';

/**
 * Opens a lesson to study and answer: the body, media and questions without answers, and the
 * earliest moment the quiz may be submitted. Each call is a new attempt (重新学习 after a fail).
 */
export function openAttempt(lessonId: string, checkInId?: string): Promise<LessonAttempt> {
  const body: OpenAttemptRequest = checkInId ? { checkInId } : {};
  return apiRequest<LessonAttempt>({
    method: 'POST',
    path: `/lessons/${encodeURIComponent(lessonId)}/attempts`,
    body,
  });
}
