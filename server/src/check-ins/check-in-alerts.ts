import { chinaDateOf, InboxMessageKind } from '@ankang/shared';
import type { NewInboxMessage } from '../inbox/inbox.service';
import type { OrgUnit } from '../org/org-unit.entity';
import type { User } from '../users/user.entity';
import type { CheckIn } from './check-in.entity';

const CHINA_OFFSET_MILLISECONDS = 8 * 60 * 60 * 1000;

/** `HH:MM` of an instant in China time, as the people reading the message tell the time. */
function chinaClockOf(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MILLISECONDS).toISOString().slice(11, 16);
}

/** The staff roll-call page of a workplace on a day. */
export function rollCallLink(workplaceId: number, day: string): string {
  return `/packages/staff/roll-call/index?workplaceId=${workplaceId}&date=${day}`;
}

/**
 * To the enterprise's officers when a worker declares a sign at check-in: once per check-in and
 * officer. The symptoms stay out of the message — an inbox outlives the 30 days after which a
 * declaration is reduced (PIPL); the roll call shows them to officers while they are kept.
 */
export function notClearedAlerts(
  officerIds: readonly number[],
  checkIn: CheckIn,
  worker: Pick<User, 'displayName'>,
  workplace: Pick<OrgUnit, 'id' | 'name'>,
): NewInboxMessage[] {
  const time = chinaClockOf(checkIn.createdAt);
  return [...new Set(officerIds)].map((userId) => ({
    userId,
    kind: InboxMessageKind.CheckInNotCleared,
    title: `班前打卡：${worker.displayName} 暂不上岗`,
    body: `${worker.displayName} 于 ${chinaDateOf(checkIn.createdAt)} ${time} 在「${workplace.name}」班前打卡时申报身体异常，已提示其休息就医，今日暂不上岗。请关注并做好顶岗安排。`,
    link: rollCallLink(workplace.id, checkIn.day),
    dedupeKey: `check-in:${checkIn.id}:not-cleared:${userId}`,
  }));
}
