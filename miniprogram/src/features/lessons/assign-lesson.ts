import type { AssignLessonRequest, LessonAssignment } from '@ankang/shared';
import { apiRequest } from '../../api';

/** Makes a lesson required of the workers of a subtree by a due date (they get a message). */
export function assignLesson(lessonId: string, request: AssignLessonRequest): Promise<LessonAssignment> {
  return apiRequest<LessonAssignment>({
    method: 'POST',
    path: `/lessons/${encodeURIComponent(lessonId)}/assignments`,
    body: request,
  });
}
