import { type FieldError, NOTICE_BODY_MAX_LENGTH } from '@ankang/shared';
import { lessonHtmlText, sanitizeLessonHtml } from '../training/lesson-html';

/**
 * A notice's body is rich text held to the lessons' allow-list (p, br, strong, em, b, i, u, ul, ol,
 * li, h3, h4, blockquote, no attributes): the same sanitiser, so the mini program renders both alike.
 */

/** What the body may take in UTF-8 bytes once sanitised: what a TEXT column holds. */
export const NOTICE_BODY_MAX_BYTES = 65_000;

/** The body as it is stored and shown, or the problem that refuses it. */
export function checkedNoticeBody(input: string): { bodyHtml: string } | { problem: FieldError } {
  const refuse = (message: string) => ({ problem: { field: 'bodyHtml', message } });
  if ([...input].length > NOTICE_BODY_MAX_LENGTH) return refuse(`正文不能超过 ${NOTICE_BODY_MAX_LENGTH} 个字符`);
  const bodyHtml = sanitizeLessonHtml(input).trim();
  if (Buffer.byteLength(bodyHtml, 'utf8') > NOTICE_BODY_MAX_BYTES) return refuse('正文过长，请精简后再保存');
  if (lessonHtmlText(bodyHtml) === '') return refuse('请填写通知正文');
  return { bodyHtml };
}
