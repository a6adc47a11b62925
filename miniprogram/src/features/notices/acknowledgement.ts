import type { MyNotice } from '@ankang/shared';

/** Still waiting for the person's 已阅知 (待确认). */
export function awaitsAcknowledgement(notice: Pick<MyNotice, 'acknowledgementRequired' | 'acknowledgedAt'>): boolean {
  return notice.acknowledgementRequired && !notice.acknowledgedAt;
}
