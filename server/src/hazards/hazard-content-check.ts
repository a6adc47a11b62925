import { HazardErrorCode } from '@ankang/shared';
import { Injectable, Logger } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import { type TextCheckResult, TextCheckScene, WechatClient, WechatError } from '../wechat';

/** How long a report waits for WeChat's verdict before it is accepted unchecked. */
const CHECK_BUDGET_MILLISECONDS = 3000;

/** What became of the content check, kept in the report's event payload. */
export type ContentCheckOutcome =
  | { result: 'pass' | 'review'; traceId: string | null }
  | { result: 'skipped'; reason: 'wechat-not-configured' | 'no-openid' }
  | { result: 'unavailable'; reason: string };

/**
 * WeChat's content check (msg_sec_check) of a report's description. Only `risky` refuses the report.
 * A safety report must never be lost to an outage of the check: WeChat failing, slow or not set up
 * lets the report through, and the outcome is recorded with it.
 */
@Injectable()
export class HazardContentCheck {
  private readonly logger = new Logger('HazardContentCheck');

  constructor(private readonly wechat: WechatClient) {}

  async check(description: string, openId: string | null): Promise<ContentCheckOutcome> {
    if (!this.wechat.isConfigured()) return { result: 'skipped', reason: 'wechat-not-configured' };
    if (!openId) return { result: 'skipped', reason: 'no-openid' };
    let verdict: TextCheckResult | null;
    try {
      verdict = await withinBudget(this.wechat.checkText(description, openId, TextCheckScene.Forum));
    } catch (error) {
      if (!(error instanceof WechatError)) throw error;
      return this.unavailable(error.name);
    }
    if (verdict === null) return this.unavailable('timeout');
    if (verdict.suggest === 'risky') throw new AppException(HazardErrorCode.ContentRisky);
    return { result: verdict.suggest, traceId: verdict.traceId };
  }

  private unavailable(reason: string): ContentCheckOutcome {
    this.logger.warn(`Content check unavailable (${reason}): the report is accepted unchecked`);
    return { result: 'unavailable', reason };
  }
}

/** The check's verdict, or null when it takes longer than the budget (it is then left to finish unheard). */
async function withinBudget<T>(work: Promise<T>): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), CHECK_BUDGET_MILLISECONDS);
  });
  // A verdict or failure arriving after the budget is of no use to anyone.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
