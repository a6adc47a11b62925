import { type LessonAssignment, PAGE_LIMIT_MAX, type Page } from '@ankang/shared';
import { apiRequest } from '../../api';

/** Where a lesson is required and by when (newest first; a lesson is assigned to a few nodes, not hundreds). */
export async function listLessonAssignments(lessonId: string): Promise<LessonAssignment[]> {
  const answer = await apiRequest<Page<LessonAssignment> | LessonAssignment[]>({
    path: `/lessons/${encodeURIComponent(lessonId)}/assignments`,
    query: { limit: PAGE_LIMIT_MAX },
  });
  // A plain list or the house's page of one: either way the items.
  return Array.isArray(answer) ? answer : answer.items;
}
