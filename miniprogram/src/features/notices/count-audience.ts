import type { NoticeAudience, NoticeAudienceCount } from '@ankang/shared';
import { apiRequest } from '../../api';

/** How many people an audience reaches now (the preview while composing). */
export async function countAudience(audience: NoticeAudience): Promise<number> {
  const answer = await apiRequest<NoticeAudienceCount>({
    method: 'POST',
    path: '/notices/audience-count',
    body: audience,
    // A count changes nothing: safe to send again.
    networkRetries: 1,
  });
  return typeof answer?.recipients === 'number' ? answer.recipients : 0;
}
