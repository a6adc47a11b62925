import {
  type CheckInCard,
  type HealthDeclaration,
  LESSON_REASON_LABELS,
  LessonReason,
  ShiftClearance,
  TrainingErrorCode,
} from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, isApiError, isWeapp, newClientKey, useRequireSession } from '../../api';
import { StatusBlock } from '../../components';
import { CheckInCardView, DeclarationFormView } from '../../components/training';
import { createCheckIn, durationLabel, fetchTodaysCheckIn } from '../../features/training';
import { askForSubscriptions, useSubscriptionTemplates } from '../../features/wechat-subscriptions';
import { recentWorkplaces, workplacePageUrl } from '../../features/workplace';
import { checkInPageUrl, lessonPageUrl } from '../../utils/training-pages';
import './index.scss';
import { useShownAgain } from '../../hooks/use-shown-again';

type Load =
  | { state: 'loading' }
  | { state: 'declare' }
  | { state: 'card'; card: CheckInCard }
  | { state: 'failed'; message: string };

interface Failure {
  message: string;
  /** The worker is not (yet) a worker of this enterprise: 「我在这里工作」 first. */
  notBound: boolean;
}

function goHome(): void {
  Taro.switchTab({ url: '/pages/index/index' }).catch(() => undefined);
}

/** 「我在这里工作」 is on the landing page the worker usually just came from: back to it, or open it. */
function backToLandingPage(workplaceCode: string): void {
  const stack = typeof Taro.getCurrentPages === 'function' ? Taro.getCurrentPages() : [];
  const previous = stack.length > 1 ? stack[stack.length - 2] : null;
  if (previous?.route?.replace(/^\//, '') === 'pages/scan/index') {
    Taro.navigateBack().catch(() => undefined);
  } else {
    Taro.navigateTo({ url: workplacePageUrl(workplaceCode) }).catch(() => undefined);
  }
}

function TodaysLesson({ card }: { card: CheckInCard }) {
  const lesson = card.todaysLesson;
  if (!lesson) {
    return null;
  }
  return (
    <View className="card todays-lesson" id="todays-lesson">
      <Text className="todays-lesson__label">今日培训</Text>
      <Text className="todays-lesson__title" id="todays-lesson-title">
        {lesson.title}
      </Text>
      <View className="tags">
        <Text className={`tag${lesson.reason === LessonReason.Required ? ' tag--orange' : ' tag--blue'}`}>
          {LESSON_REASON_LABELS[lesson.reason]}
        </Text>
        <Text className="tag tag--slate">约 {durationLabel(lesson.durationSeconds)}</Text>
      </View>
      <Text className="muted todays-lesson__why">
        {lesson.reason === LessonReason.Required
          ? '这是您尚未通过的必修课。学完答题，达到及格线即准许上岗。'
          : '必修课都已通过，今天复习一节，巩固答错过的内容。答题通过即准许上岗。'}
      </Text>
      <Button
        id="todays-lesson-start"
        type="primary"
        size="large"
        block
        onClick={() => void Taro.navigateTo({ url: lessonPageUrl(lesson.id, card.id) }).catch(() => undefined)}
      >
        开始学习
      </Button>
    </View>
  );
}

/**
 * After a check-in the worker has the phone in hand: the moment to ask WeChat for the subscribe
 * messages (safety notices first). WeChat shows the dialog only inside a tap, hence the button.
 */
function SubscribeOffer({ templateIds }: { templateIds: readonly string[] }) {
  const [asked, setAsked] = useState(false);
  if (!isWeapp() || templateIds.length === 0 || asked) {
    return null;
  }
  return (
    <View className="card check-in__subscribe" id="check-in-subscribe">
      <Text className="check-in__subscribe-title">接收安全通知</Text>
      <Text className="muted check-in__subscribe-text">
        工会和企业发布的安全通知、隐患整改提醒，可以通过微信消息及时告诉您。
      </Text>
      <Button
        id="check-in-subscribe-button"
        size="large"
        block
        onClick={() => {
          // Asked synchronously within the tap: WeChat refuses the dialog otherwise.
          void askForSubscriptions(templateIds);
          setAsked(true);
        }}
      >
        允许微信提醒
      </Button>
    </View>
  );
}

/**
 * 班前打卡 at a workplace (`?workplaceId=`): today's card when the worker already checked in (here or
 * elsewhere), else the health declaration, sent with one client key kept across retries. Fit →
 * today's lesson; a sign → the red card; no lesson to take → the green card at once.
 */
export default function CheckInPage() {
  const router = useRouter();
  const [workplaceId] = useState(() => router.params?.workplaceId ?? '');
  const signedIn = useRequireSession(workplaceId ? checkInPageUrl(workplaceId) : undefined);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  // One check-in, one key: every retry of this page's declaration sends the same one.
  const clientKey = useRef(newClientKey());
  const [workplace] = useState(() => recentWorkplaces().find((known) => known.id === workplaceId) ?? null);
  // Checked in on this page just now (not an earlier card shown again).
  const [checkedInHere, setCheckedInHere] = useState(false);
  const templateIds = useSubscriptionTemplates(checkedInHere);

  const loadToday = useCallback(async () => {
    try {
      const card = await fetchTodaysCheckIn({ returnUrl: workplaceId ? checkInPageUrl(workplaceId) : undefined });
      setLoad(card ? { state: 'card', card } : { state: 'declare' });
    } catch (error) {
      setLoad({ state: 'failed', message: errorMessage(error) });
    }
  }, [workplaceId]);

  useEffect(() => {
    if (signedIn) {
      void loadToday();
    }
  }, [signedIn, loadToday]);

  // Back from the lesson: the card may now be green.
  useShownAgain(() => {
    if (signedIn && load.state === 'card') {
      void loadToday();
    }
  });

  usePullDownRefresh(() => {
    void loadToday().finally(() => Taro.stopPullDownRefresh());
  });

  const submit = async (declaration: HealthDeclaration) => {
    if (submitting) {
      return;
    }
    setSubmitting(true);
    setFailure(null);
    try {
      const card = await createCheckIn({ workplaceId, clientKey: clientKey.current, declaration });
      setLoad({ state: 'card', card });
      setCheckedInHere(true);
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    } catch (error) {
      setFailure({
        message: errorMessage(error),
        notBound: isApiError(error) && error.code === TrainingErrorCode.NotBoundToEnterprise,
      });
    } finally {
      setSubmitting(false);
    }
  };

  if (!signedIn) {
    return <View className="page" />;
  }
  if (load.state === 'loading') {
    return (
      <View className="page">
        <StatusBlock text="正在查询今日打卡…" />
      </View>
    );
  }
  if (load.state === 'failed') {
    return (
      <View className="page">
        <StatusBlock text={load.message} actionText="重新加载" onAction={() => void loadToday()} />
      </View>
    );
  }
  if (load.state === 'card') {
    const { card } = load;
    const pending = card.clearance === ShiftClearance.LessonPending;
    return (
      <View className="page check-in">
        {workplaceId && card.workplace.id !== workplaceId ? (
          <Text className="check-in__elsewhere" id="check-in-elsewhere">
            今天已在「{card.workplace.name}」打卡，每天打卡一次即可。
          </Text>
        ) : null}
        {pending ? <TodaysLesson card={card} /> : null}
        <CheckInCardView card={card} />
        {card.clearance === ShiftClearance.Cleared ? (
          <Text className="muted check-in__note">请向班组长出示本页面。祝您平安上岗！</Text>
        ) : null}
        {checkedInHere ? <SubscribeOffer templateIds={templateIds} /> : null}
        {pending && !card.todaysLesson ? (
          <StatusBlock text="正在安排今日培训，请稍后刷新。" actionText="刷新" onAction={() => void loadToday()} />
        ) : null}
        <Button id="check-in-home" size="large" block onClick={goHome}>
          返回首页
        </Button>
      </View>
    );
  }
  if (!workplaceId) {
    return (
      <View className="page check-in">
        <StatusBlock text="今天还没有班前打卡。请到作业场所扫描入口处的“安康”二维码，点「班前打卡」。" />
        <Button size="large" block onClick={goHome}>
          返回首页
        </Button>
      </View>
    );
  }
  return (
    <View className="page check-in">
      <View className="check-in__place" id="check-in-workplace">
        <Text className="check-in__place-label">班前打卡</Text>
        <Text className="check-in__place-name">{workplace ? workplace.name : '本作业场所'}</Text>
        {workplace ? <Text className="check-in__place-enterprise">{workplace.enterpriseName}</Text> : null}
      </View>
      {failure?.notBound ? (
        <View className="card check-in__not-bound" id="check-in-not-bound">
          <Text className="check-in__not-bound-text">{failure.message}</Text>
          {workplace ? (
            <Button
              id="check-in-bind"
              type="primary"
              size="large"
              block
              onClick={() => backToLandingPage(workplace.code)}
            >
              去绑定企业
            </Button>
          ) : null}
        </View>
      ) : null}
      <DeclarationFormView
        submitting={submitting}
        failure={failure && !failure.notBound ? failure.message : null}
        onSubmit={(declaration) => void submit(declaration)}
      />
    </View>
  );
}
