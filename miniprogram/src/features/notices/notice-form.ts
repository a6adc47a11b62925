/**
 * The notice composer's form: its state, the rules checked on the phone before saving (the
 * server's are the same and have the last word; it names fields the same way), and the body,
 * typed as plain text paragraphs and sent as `<p>` HTML.
 */
import {
  type ComposeNoticeRequest,
  type CreateNoticeRequest,
  type Industry,
  NOTICE_BODY_MAX_LENGTH,
  NOTICE_TITLE_MAX_LENGTH,
  type NoticeAudience,
  type NoticeDetail,
  type NoticeKind,
  type OrgUnitReference,
  Role,
  type WorkerGroup,
} from '@ankang/shared';
import { fieldErrorsOf } from '../../api/errors';
import { paragraphsOfPlainText } from '../../utils/plain-text-paragraphs';

/** The roles a notice may be narrowed to (admins run the system and are not an audience). */
export const NOTICE_AUDIENCE_ROLES: readonly Role[] = [Role.Worker, Role.Officer, Role.UnionStaff];

export interface NoticeForm {
  title: string;
  kind: NoticeKind | null;
  /** Plain text: a blank line starts a new paragraph, a line break stays a line break. */
  bodyText: string;
  scope: OrgUnitReference | null;
  industries: Industry[];
  workerGroups: WorkerGroup[];
  roles: Role[];
  acknowledgementRequired: boolean;
  /** 定时发布: published at `publishDate publishTime` China time rather than at once. */
  scheduled: boolean;
  /** `YYYY-MM-DD`, China calendar. */
  publishDate: string;
  /** `HH:mm`, China time. */
  publishTime: string;
}

export type NoticeFormField = 'title' | 'kind' | 'bodyHtml' | 'scopeOrgUnitId' | 'publishAt';
export type NoticeFormErrors = Partial<Record<NoticeFormField | string, string>>;

const CHINA_OFFSET_MILLISECONDS = 8 * 60 * 60 * 1000;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export function emptyNoticeForm(scope: OrgUnitReference | null = null): NoticeForm {
  return {
    title: '',
    kind: null,
    bodyText: '',
    scope,
    industries: [],
    workerGroups: [],
    roles: [],
    acknowledgementRequired: true,
    scheduled: false,
    publishDate: '',
    publishTime: '',
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/** Plain text as HTML: each block between blank lines a `<p>`, single line breaks `<br>`; `<` stays text. */
export function bodyHtmlOf(text: string): string {
  return paragraphsOfPlainText(text.replace(/\r\n?/g, '\n'))
    .map((block) => `<p>${block}</p>`)
    .join('');
}

/** A saved body back as the plain text the composer edits (paragraphs, line breaks; other tags dropped). */
export function bodyTextOf(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|h3|h4|li|blockquote|ul|ol)>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeHtml(text)
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .join('\n\n');
}

/** An instant as China calendar date and wall time. */
function chinaParts(iso: string): { date: string; time: string } {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) {
    return { date: '', time: '' };
  }
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MILLISECONDS).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/** The publish time as an instant (ISO), or null for 立即发布; undefined when what was typed is no time. */
export function publishAtOf(form: NoticeForm): string | null | undefined {
  if (!form.scheduled) {
    return null;
  }
  const date = form.publishDate.trim();
  const time = form.publishTime.trim();
  if (!DATE_PATTERN.test(date) || !TIME_PATTERN.test(time)) {
    return undefined;
  }
  const instant = new Date(`${date}T${time}:00+08:00`);
  if (Number.isNaN(instant.getTime())) {
    return undefined;
  }
  // 2026-02-30 parses as 2026-03-02: a date that does not come back the same was no date.
  const back = chinaParts(instant.toISOString());
  return back.date === date && back.time === time ? instant.toISOString() : undefined;
}

export function noticeFormOf(notice: NoticeDetail): NoticeForm {
  const publish = notice.publishAt ? chinaParts(notice.publishAt) : { date: '', time: '' };
  return {
    title: notice.title,
    kind: notice.kind,
    bodyText: bodyTextOf(notice.bodyHtml),
    scope: notice.scope,
    industries: [...notice.industries],
    workerGroups: [...notice.workerGroups],
    roles: [...notice.roles],
    acknowledgementRequired: notice.acknowledgementRequired,
    scheduled: notice.publishAt !== null,
    publishDate: publish.date,
    publishTime: publish.time,
  };
}

/** Who the form's notice reaches; null until a scope is chosen. */
export function audienceOf(form: NoticeForm): NoticeAudience | null {
  if (!form.scope) {
    return null;
  }
  return {
    scopeOrgUnitId: form.scope.id,
    industries: [...form.industries],
    workerGroups: [...form.workerGroups],
    roles: [...form.roles],
  };
}

/** The request of a valid form (validateNotice found nothing). */
export function composeRequestOf(form: NoticeForm): ComposeNoticeRequest {
  const audience = audienceOf(form);
  if (!audience || !form.kind) {
    throw new Error('composeRequestOf: the form is not valid');
  }
  return {
    ...audience,
    title: form.title.trim(),
    bodyHtml: bodyHtmlOf(form.bodyText),
    kind: form.kind,
    acknowledgementRequired: form.acknowledgementRequired,
    publishAt: publishAtOf(form) ?? null,
  };
}

export function createRequestOf(form: NoticeForm, clientKey: string): CreateNoticeRequest {
  return { ...composeRequestOf(form), clientKey };
}

/** What the phone can tell before the server: required fields, lengths, a publish time ahead. */
export function validateNotice(form: NoticeForm, now: Date = new Date()): NoticeFormErrors {
  const errors: NoticeFormErrors = {};
  const title = form.title.trim();
  if (title === '') {
    errors.title = '请填写通知标题';
  } else if ([...title].length > NOTICE_TITLE_MAX_LENGTH) {
    errors.title = `标题不能超过 ${NOTICE_TITLE_MAX_LENGTH} 个字`;
  }
  if (!form.kind) {
    errors.kind = '请选择通知类型';
  }
  const bodyHtml = bodyHtmlOf(form.bodyText);
  if (bodyHtml === '') {
    errors.bodyHtml = '请填写通知正文';
  } else if (bodyHtml.length > NOTICE_BODY_MAX_LENGTH) {
    errors.bodyHtml = '正文太长，请精简后再保存';
  }
  if (!form.scope) {
    errors.scopeOrgUnitId = '请选择发布范围';
  }
  const publishAt = publishAtOf(form);
  if (publishAt === undefined) {
    errors.publishAt = '请填写发布日期和时间，如 2026-12-31 08:30';
  } else if (publishAt !== null && new Date(publishAt).getTime() <= now.getTime()) {
    errors.publishAt = '定时发布的时间不能早于现在';
  }
  return errors;
}

/** The server's field errors (`details: [{field, message}]`), first message per field. */
export function serverNoticeErrors(details: unknown): NoticeFormErrors {
  return fieldErrorsOf(details);
}
