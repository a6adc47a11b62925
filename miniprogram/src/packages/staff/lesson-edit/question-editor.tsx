import { QUESTION_OPTIONS_MAX, QUESTION_TYPE_LABELS, QuestionType } from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import { Choice, FieldInput, FieldTextarea } from '../../../components';
import {
  addOption,
  changeQuestionType,
  type LessonFormErrors,
  markCorrect,
  QUESTION_OPTIONS_MIN,
  type QuestionDraft,
  questionField,
  removeOption,
  setOptionText,
} from '../../../features/lessons';
import { optionMark } from '../../../features/training';
import { FieldError } from '../components/field-error';

const TYPES = Object.values(QuestionType);

const TYPE_HINTS: Record<QuestionType, string> = {
  [QuestionType.SingleChoice]: '点选项前的圆圈，标出唯一的正确答案。',
  [QuestionType.MultipleChoice]: '可标出多个正确答案。全部选对得满分，只选对一部分得部分分，选错任何一项不得分。',
  [QuestionType.TrueFalse]: '标出这句话是“对”还是“错”。',
};

interface QuestionEditorProps {
  question: QuestionDraft;
  index: number;
  count: number;
  errors: LessonFormErrors;
  readOnly: boolean;
  onChange: (question: QuestionDraft) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
}

/**
 * One question of the editor (`#question-<n>-…`, n from 0): type, prompt, options with the correct
 * ones marked (single: one; multiple: any; true/false: 对 or 错), the explanation workers read after
 * answering; moved up or down, or removed.
 */
export function QuestionEditor({
  question,
  index,
  count,
  errors,
  readOnly,
  onChange,
  onMove,
  onRemove,
}: QuestionEditorProps) {
  const prefix = `question-${index}`;
  const multiple = question.type === QuestionType.MultipleChoice;
  const trueFalse = question.type === QuestionType.TrueFalse;
  return (
    <View className="question-editor" id={`question-editor-${index}`}>
      <View className="question-editor__head">
        <Text className="question-editor__number">第 {index + 1} 题</Text>
        {readOnly ? null : (
          <View className="question-editor__tools">
            {index > 0 ? (
              <Text className="question-editor__tool" id={`${prefix}-up`} onClick={() => onMove(-1)}>
                上移
              </Text>
            ) : null}
            {index < count - 1 ? (
              <Text className="question-editor__tool" id={`${prefix}-down`} onClick={() => onMove(1)}>
                下移
              </Text>
            ) : null}
            {count > 1 ? (
              <Text
                className="question-editor__tool question-editor__tool--danger"
                id={`${prefix}-remove`}
                onClick={onRemove}
              >
                删除
              </Text>
            ) : null}
          </View>
        )}
      </View>

      <Choice
        id={`${prefix}-type`}
        options={TYPES}
        labels={QUESTION_TYPE_LABELS}
        value={question.type}
        onChange={(type) => !readOnly && onChange(changeQuestionType(question, type))}
      />

      <Text className="form-field__label">题目</Text>
      <FieldTextarea
        id={`${prefix}-prompt`}
        className="form-field__textarea question-editor__prompt"
        value={question.prompt}
        placeholder={
          trueFalse
            ? '如：进入有限空间前，只要戴好防毒面具就可以不检测气体。'
            : '如：进入有限空间作业前，第一步应当做什么？'
        }
        maxlength={500}
        disabled={readOnly}
        onInput={(event) => onChange({ ...question, prompt: event.detail.value })}
      />
      <FieldError errors={errors} field={questionField(index, 'prompt')} id={`${prefix}-prompt-error`} />

      <Text className="form-field__label">{trueFalse ? '正确答案' : '选项'}</Text>
      <Text className="muted form-field__hint">{TYPE_HINTS[question.type]}</Text>
      {trueFalse ? (
        <View className="options" role="radiogroup">
          {question.options.map((option) => {
            const on = question.correctOptionIds.includes(option.id);
            return (
              <View
                key={option.id}
                id={`${prefix}-correct-${option.id}`}
                className={`option question-editor__verdict${on ? ' option--on' : ''}`}
                role="radio"
                aria-checked={on}
                onClick={() => !readOnly && onChange(markCorrect(question, option.id))}
              >
                <Text>{option.id === 'true' ? '对' : option.id === 'false' ? '错' : option.text}</Text>
              </View>
            );
          })}
        </View>
      ) : (
        <View className="question-editor__options">
          {question.options.map((option, position) => {
            const on = question.correctOptionIds.includes(option.id);
            return (
              <View className="question-editor__option" key={option.id}>
                <View
                  className={`question-editor__correct${multiple ? ' question-editor__correct--multiple' : ''}${on ? ' question-editor__correct--on' : ''}`}
                  id={`${prefix}-correct-${option.id}`}
                  role={multiple ? 'checkbox' : 'radio'}
                  aria-checked={on}
                  aria-label={`${optionMark(position)} 是正确答案`}
                  onClick={() => !readOnly && onChange(markCorrect(question, option.id))}
                >
                  <Text>{on ? '✓' : ''}</Text>
                </View>
                <Text className="question-editor__mark">{optionMark(position)}</Text>
                <FieldInput
                  id={`${prefix}-option-${option.id}`}
                  className="form-field__input question-editor__option-input"
                  value={option.text}
                  placeholder={`选项 ${optionMark(position)}`}
                  maxlength={200}
                  disabled={readOnly}
                  onInput={(event) => onChange(setOptionText(question, option.id, event.detail.value))}
                />
                {!readOnly && question.options.length > QUESTION_OPTIONS_MIN ? (
                  <Text
                    className="question-editor__remove-option"
                    id={`${prefix}-remove-${option.id}`}
                    aria-label={`删除选项 ${optionMark(position)}`}
                    onClick={() => onChange(removeOption(question, option.id))}
                  >
                    ×
                  </Text>
                ) : null}
              </View>
            );
          })}
          {!readOnly && question.options.length < QUESTION_OPTIONS_MAX ? (
            <Text
              className="question-editor__add-option"
              id={`${prefix}-add-option`}
              onClick={() => onChange(addOption(question))}
            >
              ＋ 添加选项
            </Text>
          ) : null}
        </View>
      )}
      <FieldError errors={errors} field={questionField(index, 'options')} id={`${prefix}-options-error`} />
      <FieldError errors={errors} field={questionField(index, 'correctOptionIds')} id={`${prefix}-correct-error`} />

      <Text className="form-field__label">答案解析</Text>
      <FieldTextarea
        id={`${prefix}-explanation`}
        className="form-field__textarea question-editor__explanation"
        value={question.explanation}
        placeholder="为什么是这个答案？答完题后职工会看到。"
        maxlength={1000}
        disabled={readOnly}
        onInput={(event) => onChange({ ...question, explanation: event.detail.value })}
      />
      <FieldError errors={errors} field={questionField(index, 'explanation')} id={`${prefix}-explanation-error`} />
    </View>
  );
}
