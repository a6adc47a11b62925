import { WechatSubscribePurpose } from '@ankang/shared';
import type { AppConfig } from '../config/app-config';

/**
 * The keys of each purpose's template. Template ids come from configuration, but a template's keys
 * are fixed by the template chosen in WeChat's console (公共模板库): choose, for each purpose, one
 * with exactly these keys. Values are cut to WeChat's limits when sent (see wechat/subscribe-message-values.ts).
 *
 * hazard_reminder (隐患整改提醒): character_string1 隐患编号 · thing2 隐患地点 · date3 整改期限 · thing4 提醒内容
 * hazard_alert (隐患处理进度通知): character_string1 隐患编号 · thing2 隐患地点 · phrase3 当前状态 · thing4 说明
 * notice (安全通知): thing1 通知标题 · thing2 发布单位 · time3 发布时间 · thing4 温馨提示
 */
export interface HazardReminderValues {
  code: string;
  workplace: string;
  /** `YYYY-MM-DD`, a China calendar date. */
  deadline: string;
  note: string;
}

export function hazardReminderData(values: HazardReminderValues): Record<string, string> {
  return {
    character_string1: values.code,
    thing2: values.workplace,
    date3: chineseDate(values.deadline),
    thing4: values.note,
  };
}

export interface HazardAlertValues {
  code: string;
  workplace: string;
  /** A state label, at most 5 Chinese characters (已交办, 待验收, 已销号 …). */
  state: string;
  note: string;
}

export function hazardAlertData(values: HazardAlertValues): Record<string, string> {
  return {
    character_string1: values.code,
    thing2: values.workplace,
    phrase3: values.state,
    thing4: values.note,
  };
}

export interface NoticeValues {
  title: string;
  /** The union or enterprise that sent it. */
  from: string;
  publishedAt: Date;
  /** What the person should do: 「请及时查看并确认阅知」, 「您还未确认阅知，请尽快查看」. */
  note: string;
}

export function noticeData(values: NoticeValues): Record<string, string> {
  return {
    thing1: values.title,
    thing2: values.from,
    time3: chineseDateTime(values.publishedAt),
    thing4: values.note,
  };
}

/** The mini program page a subscribe message opens: WeChat wants no leading slash. */
export function subscribePage(link: string): string {
  return link.replace(/^\/+/, '');
}

/** `2026-12-01` → `2026年12月1日`, the date form WeChat's `date` values take. */
function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** A moment as China time in the form WeChat's `time` values take: `2026年12月1日 08:30`. */
function chineseDateTime(moment: Date): string {
  const china = new Date(moment.getTime() + 8 * 3600_000);
  const minutes = String(china.getUTCMinutes()).padStart(2, '0');
  const hours = String(china.getUTCHours()).padStart(2, '0');
  return `${china.getUTCFullYear()}年${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ${hours}:${minutes}`;
}

/** The configured template of each purpose, in a stable order; purposes without one are left out. */
export function configuredTemplates(config: AppConfig): { purpose: WechatSubscribePurpose; templateId: string }[] {
  return Object.values(WechatSubscribePurpose).flatMap((purpose) => {
    const templateId = config.wechat.subscribeTemplates[purpose];
    return templateId ? [{ purpose, templateId }] : [];
  });
}
