import type { ReportHazardRequest, ReportHazardResponse } from '@ankang/shared';
import { apiRequest } from '../../api';

/**
 * 随手拍: `POST /hazards`. The body's client key is also the Idempotency-Key, so the client re-sends
 * after a dropped connection and the server answers a repeat with the first ticket, never a second.
 */
export function reportHazard(body: ReportHazardRequest): Promise<ReportHazardResponse> {
  return apiRequest<ReportHazardResponse>({ method: 'POST', path: '/hazards', body, clientKey: body.clientKey });
}
