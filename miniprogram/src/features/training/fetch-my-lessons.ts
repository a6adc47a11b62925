import type { MyLessonsResponse } from '@ankang/shared';
import { apiRequest } from '../../api';

/** The 培训 tab: required lessons (due first), those done, and refreshers. */
export function fetchMyLessons(): Promise<MyLessonsResponse> {
  return apiRequest<MyLessonsResponse>({ path: '/me/lessons' });
}
