import type { AttemptResult, SubmitAttemptRequest } from '@ankang/shared';
import { apiRequest } from '../../api';

/**
 * Hands in the quiz. The attempt's one client key goes with every try (also as `Idempotency-Key`),
 * so a retry after a lost answer — or after 学习时间太短 — never counts twice.
 */
export function submitAttempt(attemptId: string, request: SubmitAttemptRequest): Promise<AttemptResult> {
  return apiRequest<AttemptResult>({
    method: 'POST',
    path: `/lesson-attempts/${encodeURIComponent(attemptId)}/submit`,
    body: request,
    clientKey: request.clientKey,
  });
}
