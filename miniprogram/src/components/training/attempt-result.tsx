import {
  type AttemptResult,
  type LessonAttempt,
  type QuestionResult,
  QuestionType,
  type QuizQuestion,
} from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { durationLabel, optionLabel, optionMark } from '../../features/training';
import './training.scss';

/** The options named as the worker saw them: `A. 先通风` (对 / 错 for true/false). */
function optionsText(question: QuizQuestion | undefined, ids: readonly string[]): string {
  if (ids.length === 0) {
    return '未作答';
  }
  if (!question) {
    return ids.join('、');
  }
  return ids
    .map((id) => {
      const position = question.options.findIndex((option) => option.id === id);
      if (position < 0) {
        return id;
      }
      const label = optionLabel(question, question.options[position]);
      return question.type === QuestionType.TrueFalse ? label : `${optionMark(position)}. ${label}`;
    })
    .join('；');
}

function verdict(result: QuestionResult): { text: string; tone: string } {
  if (result.correct) return { text: '答对', tone: 'right' };
  if (result.score > 0) return { text: '部分正确', tone: 'partial' };
  return { text: '答错', tone: 'wrong' };
}

interface AttemptResultProps {
  result: AttemptResult;
  attempt: LessonAttempt;
  /** 重新学习: a new attempt of the same lesson (failed only). */
  onRetry: () => void;
}

/** The score against the pass mark, then each question: the worker's answer, the right one, why. */
export function AttemptResultView({ result, attempt, onRetry }: AttemptResultProps) {
  const questions = new Map(attempt.questions.map((question) => [question.id, question]));
  return (
    <View className="attempt-result" id="attempt-result">
      <View className={`card result-head result-head--${result.passed ? 'passed' : 'failed'}`}>
        <View className="result-head__score-line">
          <Text className="result-head__score" id="result-score">
            {result.score}
          </Text>
          <Text className="result-head__unit">分</Text>
        </View>
        {result.passed ? (
          <Text className="result-head__verdict" id="result-passed">
            通过
          </Text>
        ) : (
          <Text className="result-head__verdict" id="result-failed">
            未通过
          </Text>
        )}
        <Text className="result-head__facts">
          及格线 {result.passMark} 分 · 用时 {durationLabel(result.timeSpentSeconds)} · 第 {result.version} 版
        </Text>
        {result.passed ? null : (
          <>
            <Text className="result-head__advice">看一看下面的解析，重新学习课程后再答一次。</Text>
            <Button id="result-retry" type="primary" size="large" block onClick={onRetry}>
              重新学习
            </Button>
          </>
        )}
      </View>

      <View className="card">
        <Text className="card__title">答题解析</Text>
        {result.questions.map((item, index) => {
          const question = questions.get(item.questionId);
          const { text, tone } = verdict(item);
          return (
            <View className="result-question" key={item.questionId} id={`result-question-${item.questionId}`}>
              <View className="result-question__head">
                <Text className="result-question__number">第 {index + 1} 题</Text>
                <Text className={`result-question__verdict result-question__verdict--${tone}`}>{text}</Text>
              </View>
              <Text className="result-question__prompt">{item.prompt}</Text>
              <Text className="result-question__line">
                您的答案：<Text className="result-question__chosen">{optionsText(question, item.chosenOptionIds)}</Text>
              </Text>
              <Text className="result-question__line">
                正确答案：
                <Text className="result-question__correct">{optionsText(question, item.correctOptionIds)}</Text>
              </Text>
              {item.explanation ? (
                <Text className="result-question__explanation" id={`result-explanation-${item.questionId}`}>
                  解析：{item.explanation}
                </Text>
              ) : null}
            </View>
          );
        })}
      </View>
    </View>
  );
}
