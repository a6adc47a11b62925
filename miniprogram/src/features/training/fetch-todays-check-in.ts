import { type CheckInCard, CommonErrorCode } from '@ankang/shared';
import { apiRequest, isApiError } from '../../api';

/** Today's (China day) check-in card, or null when the worker has not checked in yet today (404). */
export async function fetchTodaysCheckIn(options: { returnUrl?: string } = {}): Promise<CheckInCard | null> {
  try {
    return await apiRequest<CheckInCard>({ path: '/check-ins/today', returnUrl: options.returnUrl });
  } catch (error) {
    // A missing route is an outdated server, not "no check-in": that stays an error.
    if (isApiError(error) && error.status === 404 && error.code !== CommonErrorCode.RouteNotFound) {
      return null;
    }
    throw error;
  }
}
