import {
  type AttemptResult,
  type CheckInCard,
  LESSON_TOPIC_LABELS,
  type LessonAttempt,
  TrainingErrorCode,
} from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, Video, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, isApiError, newClientKey, toastInfo, useRequireSession } from '../../api';
import { StatusBlock } from '../../components';
import {
  AttemptResultView,
  BigButton,
  CheckInCardView,
  LessonBody,
  LessonImages,
  QuizQuestionView,
} from '../../components/training';
import {
  type Answers,
  choose,
  clockLabel,
  durationLabel,
  fetchTodaysCheckIn,
  openAttempt,
  secondsUntil,
  submissionAnswers,
  submitAttempt,
  TOO_SOON_RETRY_SECONDS,
  unansweredQuestions,
  unlockTimeOf,
} from '../../features/training';
import { lessonPageUrl, TRAINING_TAB_URL } from '../../utils/training-pages';
import './index.scss';

interface Studying {
  attempt: LessonAttempt;
  /** Phone time the attempt arrived: time spent counts from here. */
  receivedAt: number;
  /** Phone time the quiz unlocks. */
  unlockAt: number;
  /** One key for every try of this attempt's submission. */
  clientKey: string;
}

type Load =
  | { state: 'opening' }
  | { state: 'failed'; message: string; checkInGone: boolean }
  | { state: 'ready'; studying: Studying };

type CardLoad = { state: 'none' } | { state: 'loading' } | { state: 'ready'; card: CheckInCard } | { state: 'failed' };

function backOrHome(): void {
  const stack = typeof Taro.getCurrentPages === 'function' ? Taro.getCurrentPages() : [];
  if (stack.length > 1) {
    Taro.navigateBack().catch(() => undefined);
  } else {
    Taro.switchTab({ url: TRAINING_TAB_URL }).catch(() => undefined);
  }
}

/**
 * The phone's time, read on every render and re-rendered every second while the lesson is studied
 * (countdown and time spent): a render caused by anything else never shows a stale second.
 */
function useNow(running: boolean): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!running) {
      return undefined;
    }
    const timer = setInterval(() => setTick((tick) => tick + 1), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return Date.now();
}

/**
 * A lesson to study and answer (`?id=<lessonId>&checkInId=`): opening the page opens an attempt.
 * Body, images and video, time spent; the quiz unlocks when the server's wait has passed (a
 * countdown); single choice, multiple choice (多选) and true/false; one client key per attempt,
 * kept across retries (学习时间太短 → explained, tried again a few seconds later). The result shows
 * the score against the pass mark and every explanation; a fail offers 重新学习 (a new attempt);
 * a pass within today's check-in shows the green card.
 */
export default function LessonPage() {
  const router = useRouter();
  const [lessonId] = useState(() => router.params?.id ?? '');
  const [checkInId] = useState(() => router.params?.checkInId || undefined);
  const signedIn = useRequireSession(lessonId ? lessonPageUrl(lessonId, checkInId) : undefined);
  const [load, setLoad] = useState<Load>({ state: 'opening' });
  const [quizOpen, setQuizOpen] = useState(false);
  const [answers, setAnswers] = useState<Answers>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [submitFailure, setSubmitFailure] = useState<string | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [alreadySubmitted, setAlreadySubmitted] = useState(false);
  const [result, setResult] = useState<AttemptResult | null>(null);
  const [cardLoad, setCardLoad] = useState<CardLoad>({ state: 'none' });
  const opening = useRef(false);

  const studying = load.state === 'ready' ? load.studying : null;
  const now = useNow(studying !== null && result === null);

  const open = useCallback(async () => {
    if (opening.current) {
      return;
    }
    if (!lessonId) {
      setLoad({ state: 'failed', message: '缺少课程参数，请从培训页面进入。', checkInGone: false });
      return;
    }
    opening.current = true;
    setLoad({ state: 'opening' });
    try {
      const attempt = await openAttempt(lessonId, checkInId);
      const receivedAt = Date.now();
      setQuizOpen(false);
      setAnswers({});
      setMissing([]);
      setSubmitFailure(null);
      setRetryAt(null);
      setAlreadySubmitted(false);
      setResult(null);
      setCardLoad({ state: 'none' });
      setLoad({
        state: 'ready',
        studying: { attempt, receivedAt, unlockAt: unlockTimeOf(attempt, receivedAt), clientKey: newClientKey() },
      });
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    } catch (error) {
      setLoad({
        state: 'failed',
        message: errorMessage(error),
        checkInGone: isApiError(error) && error.code === TrainingErrorCode.CheckInNotUsable,
      });
    } finally {
      opening.current = false;
    }
  }, [lessonId, checkInId]);

  useEffect(() => {
    if (signedIn) {
      void open();
    }
  }, [signedIn, open]);

  // The quiz opens under the lesson: bring it into view once it is on the page.
  useEffect(() => {
    if (quizOpen) {
      Promise.resolve(Taro.pageScrollTo({ selector: '#quiz', duration: 200 })).catch(() => undefined);
    }
  }, [quizOpen]);

  const loadCard = useCallback(async () => {
    setCardLoad({ state: 'loading' });
    try {
      const card = await fetchTodaysCheckIn();
      setCardLoad(card ? { state: 'ready', card } : { state: 'failed' });
    } catch {
      setCardLoad({ state: 'failed' });
    }
  }, []);

  const submit = async () => {
    if (!studying || submitting) {
      return;
    }
    const { attempt } = studying;
    const unanswered = unansweredQuestions(attempt.questions, answers);
    setMissing(unanswered.map((question) => question.id));
    if (unanswered.length > 0) {
      toastInfo(`还有 ${unanswered.length} 道题没有作答`);
      return;
    }
    setSubmitting(true);
    setSubmitFailure(null);
    try {
      const answered = await submitAttempt(attempt.id, {
        clientKey: studying.clientKey,
        answers: submissionAnswers(attempt.questions, answers),
      });
      setResult(answered);
      setRetryAt(null);
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      if (answered.clearance !== null && answered.passed) {
        void loadCard();
      }
    } catch (error) {
      if (isApiError(error) && error.code === TrainingErrorCode.SubmittedTooSoon) {
        setSubmitFailure(`${error.message}。您的答案已保留，${TOO_SOON_RETRY_SECONDS} 秒后可以再次提交。`);
        setRetryAt(Date.now() + TOO_SOON_RETRY_SECONDS * 1000);
      } else if (isApiError(error) && error.code === TrainingErrorCode.AttemptAlreadySubmitted) {
        setAlreadySubmitted(true);
        setSubmitFailure(error.message);
      } else {
        setSubmitFailure(errorMessage(error));
      }
    } finally {
      setSubmitting(false);
    }
  };

  if (!signedIn) {
    return <View className="page" />;
  }
  if (load.state === 'opening') {
    return (
      <View className="page">
        <StatusBlock text="正在打开课程…" />
      </View>
    );
  }
  if (load.state === 'failed') {
    return (
      <View className="page">
        <StatusBlock
          text={load.message}
          actionText={load.checkInGone ? '返回' : '重新加载'}
          onAction={() => (load.checkInGone ? backOrHome() : void open())}
        />
      </View>
    );
  }

  const { attempt } = load.studying;
  if (result) {
    return (
      <View className="page lesson">
        {cardLoad.state === 'ready' ? <CheckInCardView card={cardLoad.card} /> : null}
        {cardLoad.state === 'loading' ? <StatusBlock text="正在生成上岗凭证…" /> : null}
        {cardLoad.state === 'failed' ? (
          <StatusBlock text="上岗凭证没有加载出来。" actionText="重新加载" onAction={() => void loadCard()} />
        ) : null}
        <Text className="lesson__result-title">《{attempt.title}》答题结果</Text>
        <AttemptResultView result={result} attempt={attempt} onRetry={() => void open()} />
        {result.passed ? (
          <Button id="result-done" size="large" block onClick={backOrHome}>
            {checkInId ? '返回' : '返回培训'}
          </Button>
        ) : null}
      </View>
    );
  }

  const secondsLeft = secondsUntil(load.studying.unlockAt, now);
  const retrySecondsLeft = retryAt === null ? 0 : secondsUntil(retryAt, now);
  const spent = Math.floor((now - load.studying.receivedAt) / 1000);
  return (
    <View className="page lesson">
      <View className="card lesson__head">
        <Text className="lesson__title" id="lesson-title">
          {attempt.title}
        </Text>
        <View className="tags">
          <Text className="tag tag--blue">{LESSON_TOPIC_LABELS[attempt.topic] ?? attempt.topic}</Text>
          <Text className="tag tag--slate">约 {durationLabel(attempt.durationSeconds)}</Text>
          <Text className="tag tag--slate">
            {attempt.questions.length} 道题 · {attempt.passMark} 分及格
          </Text>
        </View>
        <Text className="lesson__spent" id="lesson-time-spent">
          已学习 {clockLabel(spent)}
        </Text>
      </View>

      <View className="card lesson__content">
        <LessonBody html={attempt.bodyHtml} id="lesson-body" />
        <LessonImages urls={attempt.imageUrls} />
        {attempt.videoUrl ? (
          <View className="lesson__video">
            <Video id="lesson-video" className="lesson__video-player" src={attempt.videoUrl} controls />
          </View>
        ) : null}
      </View>

      {quizOpen ? (
        <View className="card quiz" id="quiz">
          <Text className="card__title">随堂答题</Text>
          {attempt.questions.map((question, index) => (
            <QuizQuestionView
              key={question.id}
              question={question}
              index={index}
              chosen={answers[question.id] ?? []}
              missing={missing.includes(question.id)}
              disabled={submitting}
              onChoose={(optionId) => {
                setAnswers((current) => choose(current, question, optionId));
                setMissing((current) => current.filter((id) => id !== question.id));
              }}
            />
          ))}
          {submitFailure ? (
            <Text className="form-failure" id="quiz-failure">
              {submitFailure}
            </Text>
          ) : null}
          {alreadySubmitted ? (
            <BigButton id="quiz-reopen" text="重新学习" onClick={() => void open()} />
          ) : (
            <BigButton
              id="quiz-submit"
              text={
                retrySecondsLeft > 0 ? `${retrySecondsLeft} 秒后可再次提交` : submitFailure ? '重新提交' : '提交答案'
              }
              disabled={retrySecondsLeft > 0}
              busy={submitting}
              onClick={() => void submit()}
            />
          )}
        </View>
      ) : (
        <View className="card lesson__gate">
          <Text className={`lesson__countdown${secondsLeft > 0 ? '' : ' lesson__countdown--done'}`} id="quiz-countdown">
            {secondsLeft > 0 ? `请认真学习，${secondsLeft} 秒后可答题` : '学习时间已到，可以开始答题'}
          </Text>
          <BigButton
            id="quiz-start"
            text={secondsLeft > 0 ? `${secondsLeft} 秒后可答题` : '开始答题'}
            disabled={secondsLeft > 0}
            onClick={() => setQuizOpen(true)}
          />
        </View>
      )}
    </View>
  );
}
