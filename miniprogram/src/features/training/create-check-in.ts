import type { CheckInCard, CheckInRequest } from '@ankang/shared';
import { apiRequest } from '../../api';

/** 班前打卡: the health declaration at a workplace. A retry, or a second check-in today, returns the first. */
export function createCheckIn(request: CheckInRequest): Promise<CheckInCard> {
  return apiRequest<CheckInCard>({ method: 'POST', path: '/check-ins', body: request, clientKey: request.clientKey });
}
