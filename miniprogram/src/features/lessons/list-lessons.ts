import type { LessonListQuery, LessonSummary, Page } from '@ankang/shared';
import { apiRequest } from '../../api';

/** Lessons owned inside the caller's scope (课程管理), by status, topic, owner or words of the title. */
export function listLessons(query: LessonListQuery): Promise<Page<LessonSummary>> {
  return apiRequest<Page<LessonSummary>>({ path: '/lessons', query: { ...query } });
}
