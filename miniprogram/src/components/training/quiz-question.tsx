import { QUESTION_TYPE_LABELS, QuestionType, type QuizQuestion } from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import { optionLabel, optionMark } from '../../features/training';
import './training.scss';

interface QuizQuestionProps {
  question: QuizQuestion;
  index: number;
  chosen: readonly string[];
  onChoose: (optionId: string) => void;
  /** Flagged after a submit with this question unanswered. */
  missing?: boolean;
  disabled?: boolean;
}

/**
 * One question: single choice as radio rows, multiple choice as checkbox rows (marked 多选), true/false
 * as two large buttons 对 / 错. Each option is `#question-<questionId>-option-<optionId>`.
 */
export function QuizQuestionView({
  question,
  index,
  chosen,
  onChoose,
  missing = false,
  disabled = false,
}: QuizQuestionProps) {
  const multiple = question.type === QuestionType.MultipleChoice;
  const trueFalse = question.type === QuestionType.TrueFalse;
  return (
    <View className={`quiz-question${missing ? ' quiz-question--missing' : ''}`} id={`question-${question.id}`}>
      <View className="quiz-question__head">
        <Text className="quiz-question__number">第 {index + 1} 题</Text>
        <Text className={`quiz-question__type${multiple ? ' quiz-question__type--multiple' : ''}`}>
          {multiple ? '多选题 · 可选多项' : QUESTION_TYPE_LABELS[question.type]}
        </Text>
      </View>
      <Text className="quiz-question__prompt">{question.prompt}</Text>
      <View
        className={trueFalse ? 'quiz-options quiz-options--true-false' : 'quiz-options'}
        role={multiple ? 'group' : 'radiogroup'}
      >
        {question.options.map((option, position) => {
          const on = chosen.includes(option.id);
          return (
            <View
              key={option.id}
              id={`question-${question.id}-option-${option.id}`}
              className={`quiz-option${on ? ' quiz-option--on' : ''}${multiple ? ' quiz-option--multiple' : ''}`}
              role={multiple ? 'checkbox' : 'radio'}
              aria-checked={on}
              aria-disabled={disabled}
              hoverClass="quiz-option--pressed"
              onClick={() => {
                if (!disabled) {
                  onChoose(option.id);
                }
              }}
            >
              {trueFalse ? null : <Text className="quiz-option__box">{on ? (multiple ? '✓' : '●') : ''}</Text>}
              {trueFalse ? null : <Text className="quiz-option__mark">{optionMark(position)}.</Text>}
              <Text className="quiz-option__text">{optionLabel(question, option)}</Text>
            </View>
          );
        })}
      </View>
      {missing ? <Text className="form-field__error">这道题还没有作答</Text> : null}
    </View>
  );
}
