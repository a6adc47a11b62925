import { LESSON_BODY_MAX_LENGTH } from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import { useRef } from 'react';
import { isH5, toastInfo } from '../../../api';
import { FieldTextarea } from '../../../components';
import { LessonBody } from '../../../components/training';
import {
  applyBodyFormat,
  BODY_FORMAT_LABELS,
  type BodyFormat,
  paragraphsFromPlainText,
  type TextSelection,
} from '../../../features/lessons';
import { unsupportedTags } from '../../../features/training';

const FORMATS: readonly BodyFormat[] = ['paragraph', 'heading', 'bold', 'bullets', 'numbers', 'quote', 'lineBreak'];
export const BODY_INPUT_ID = 'lesson-body-input';

interface BodyEditorProps {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  readOnly: boolean;
}

/** The native textarea on H5 (FieldTextarea puts the id on it), for its selection. */
function nativeTextarea(): HTMLTextAreaElement | null {
  if (!isH5() || typeof document === 'undefined') {
    return null;
  }
  const element = document.getElementById(BODY_INPUT_ID);
  return element instanceof HTMLTextAreaElement ? element : null;
}

/**
 * 正文: a textarea of the allowed HTML with buttons that wrap the selection in a tag (on WeChat, at
 * the cursor), 整理段落 for pasted plain text, and a live preview exactly as workers will see it.
 */
export function BodyEditor({ value, onChange, error, readOnly }: BodyEditorProps) {
  // WeChat reports the cursor with each input; H5 asks the textarea itself.
  const cursor = useRef<number | null>(null);

  const selection = (): TextSelection => {
    const textarea = nativeTextarea();
    if (textarea) {
      return { start: textarea.selectionStart, end: textarea.selectionEnd };
    }
    const at = cursor.current ?? value.length;
    return { start: at, end: at };
  };

  const format = (kind: BodyFormat) => {
    if (readOnly) {
      return;
    }
    const result = applyBodyFormat(value, selection(), kind);
    onChange(result.text);
    cursor.current = result.selection.end;
    const textarea = nativeTextarea();
    if (textarea) {
      // After React has written the new text: put the cursor inside the new element.
      setTimeout(() => {
        textarea.focus();
        textarea.setSelectionRange(result.selection.start, result.selection.end);
      }, 0);
    }
  };

  const tidy = () => {
    if (readOnly) {
      return;
    }
    const paragraphs = paragraphsFromPlainText(value);
    if (paragraphs === null) {
      toastInfo('正文已有格式标记，无需整理');
      return;
    }
    onChange(paragraphs);
  };

  const unsupported = unsupportedTags(value);
  return (
    <View className="body-editor">
      {readOnly ? null : (
        <View className="body-editor__toolbar" id="body-toolbar">
          {FORMATS.map((kind) => (
            <Text className="body-editor__button" id={`body-format-${kind}`} key={kind} onClick={() => format(kind)}>
              {BODY_FORMAT_LABELS[kind]}
            </Text>
          ))}
          <Text className="body-editor__button body-editor__button--tidy" id="body-tidy" onClick={tidy}>
            整理段落
          </Text>
        </View>
      )}
      <View className="body-editor__panes">
        <View className="body-editor__pane">
          <FieldTextarea
            id={BODY_INPUT_ID}
            className="form-field__textarea body-editor__input"
            value={value}
            placeholder="粘贴或输入正文，再用上面的按钮加小标题、列表、加粗。空一行分段后点「整理段落」。"
            maxlength={LESSON_BODY_MAX_LENGTH}
            disabled={readOnly}
            onInput={(event) => {
              cursor.current = (event.detail as { cursor?: number }).cursor ?? null;
              onChange(event.detail.value);
            }}
            onBlur={(event) => {
              const at = (event.detail as { cursor?: number }).cursor;
              if (typeof at === 'number') {
                cursor.current = at;
              }
            }}
          />
          <Text className="muted body-editor__count">
            {value.length}/{LESSON_BODY_MAX_LENGTH}
          </Text>
        </View>
        <View className="body-editor__pane body-editor__preview-pane">
          <Text className="body-editor__preview-label">预览（职工看到的样子）</Text>
          <View className="body-editor__preview">
            {value.trim() ? (
              <LessonBody html={value} id="lesson-body-preview" />
            ) : (
              <Text className="muted">正文会显示在这里。</Text>
            )}
          </View>
        </View>
      </View>
      {unsupported.length > 0 ? (
        <Text className="body-editor__warning" id="lesson-body-unsupported">
          不支持的格式会在保存时去除：{unsupported.map((tag) => `<${tag}>`).join(' ')}
        </Text>
      ) : null}
      {error ? (
        <Text className="form-field__error" id="lesson-body-error">
          {error}
        </Text>
      ) : null}
    </View>
  );
}
