/**
 * Follow-up tokens of anonymous reports, kept on the phone: the server stores only their hash and no
 * reporter, so this list is the one way back to the ticket. Each entry belongs to the person who
 * reported (by user id), so someone else signing in on the same phone never sees it.
 */
import type { HazardCategory } from '@ankang/shared';
import Taro from '@tarojs/taro';

export const FOLLOW_TOKENS_STORAGE_KEY = 'ankang.hazard-follow-tokens';

export interface FollowedReport {
  ownerId: string | null;
  token: string;
  code: string;
  category: HazardCategory;
  workplaceName: string;
  enterpriseName: string;
  reportedAt: string;
}

function readAll(): FollowedReport[] {
  try {
    const value: unknown = Taro.getStorageSync(FOLLOW_TOKENS_STORAGE_KEY);
    return Array.isArray(value)
      ? value.filter(
          (entry): entry is FollowedReport =>
            !!entry && typeof entry === 'object' && typeof (entry as FollowedReport).token === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

/** Keeps a token (a repeat of the same report keeps one entry). */
export function rememberFollowToken(report: FollowedReport): void {
  const others = readAll().filter((entry) => entry.token !== report.token);
  Taro.setStorageSync(FOLLOW_TOKENS_STORAGE_KEY, [...others, report]);
}

/** The person's anonymous reports, newest first. */
export function followedReports(ownerId: string | null): FollowedReport[] {
  return readAll()
    .filter((entry) => entry.ownerId === ownerId)
    .sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
}

/** One of the person's anonymous reports by its ticket code. */
export function followedReport(ownerId: string | null, code: string): FollowedReport | null {
  return followedReports(ownerId).find((entry) => entry.code === code) ?? null;
}
