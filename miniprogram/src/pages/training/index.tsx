import { LESSON_TOPIC_LABELS, type MyLessonsResponse, type WorkerLessonSummary } from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, useRequireSession } from '../../api';
import { SectionCard, StatusBlock } from '../../components';
import { durationLabel, fetchMyLessons } from '../../features/training';
import { chinaDay } from '../../utils/china-time-format';
import { lessonPageUrl, TODAYS_CARD_URL } from '../../utils/training-pages';
import './index.scss';
import { useShownAgain } from '../../hooks/use-shown-again';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; lessons: MyLessonsResponse }
  | { state: 'failed'; message: string };

type Group = 'required' | 'done' | 'refreshers';

function openLesson(lesson: WorkerLessonSummary): void {
  Taro.navigateTo({ url: lessonPageUrl(lesson.id) }).catch(() => undefined);
}

function LessonRow({ lesson, group, today }: { lesson: WorkerLessonSummary; group: Group; today: string }) {
  const overdue = group === 'required' && lesson.dueOn !== null && lesson.dueOn < today;
  return (
    <View
      className={`lesson-row${overdue ? ' lesson-row--overdue' : ''}`}
      id={`lesson-${group}-${lesson.id}`}
      hoverClass="lesson-row--pressed"
      onClick={() => openLesson(lesson)}
    >
      <View className="lesson-row__main">
        <Text className="lesson-row__title">{lesson.title}</Text>
        <View className="lesson-row__meta">
          <Text className="tag tag--blue">{LESSON_TOPIC_LABELS[lesson.topic] ?? lesson.topic}</Text>
          <Text className="tag tag--slate">{durationLabel(lesson.durationSeconds)}</Text>
          {group === 'required' && lesson.dueOn ? (
            <Text className={`tag${overdue ? ' tag--overdue' : ' tag--orange'}`}>
              {overdue ? `已逾期 · ${lesson.dueOn} 截止` : `${lesson.dueOn} 前完成`}
            </Text>
          ) : null}
          {group !== 'required' && lesson.lastCompletedAt ? (
            <Text className="tag">
              {group === 'done' ? '已通过' : '上次学习'} {chinaDay(lesson.lastCompletedAt)}
            </Text>
          ) : null}
        </View>
      </View>
      <Text className="lesson-row__go">{group === 'done' ? '复习' : '学习'} ›</Text>
    </View>
  );
}

/** 今日班前: how to check in, and today's card one tap away (not asked for: usually there is none yet). */
function TodayBanner() {
  return (
    <View
      className="banner banner--blue training__banner"
      id="training-today"
      onClick={() => void Taro.navigateTo({ url: TODAYS_CARD_URL }).catch(() => undefined)}
    >
      <Text className="banner__title">今日班前</Text>
      <Text className="banner__text">
        到岗后扫描作业场所入口的二维码，点「班前打卡」：健康申报、三分钟安全课，通过后准许上岗。已打卡的点此查看上岗凭证
        ›
      </Text>
    </View>
  );
}

/**
 * 培训: the way to today's check-in, then 必修 (due dates, overdue marked), 已完成 and 复习巩固.
 * Tapping a lesson opens it to study and answer.
 */
export default function TrainingPage() {
  const signedIn = useRequireSession();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const reload = useCallback(async () => {
    try {
      setLoad({ state: 'ready', lessons: await fetchMyLessons() });
    } catch (error) {
      setLoad({ state: 'failed', message: errorMessage(error) });
    }
  }, []);

  useEffect(() => {
    if (signedIn) {
      void reload();
    }
  }, [signedIn, reload]);

  // Back from a lesson: it may have moved from 必修 to 已完成.
  useShownAgain(() => {
    if (signedIn) {
      void reload();
    }
  });

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (!signedIn) {
    return <View className="page" />;
  }
  const today = chinaDay(new Date().toISOString());
  return (
    <View className="page training">
      <TodayBanner />
      {load.state === 'loading' ? <StatusBlock text="正在加载课程…" /> : null}
      {load.state === 'failed' ? (
        <StatusBlock text={load.message} actionText="重新加载" onAction={() => void reload()} />
      ) : null}
      {load.state === 'ready' ? (
        <>
          <SectionCard
            title="必修"
            id="lessons-required"
            extra={<Text className="training__count">{load.lessons.required.length} 门</Text>}
          >
            {load.lessons.required.length === 0 ? (
              <Text className="muted">必修课都已完成，继续保持！</Text>
            ) : (
              load.lessons.required.map((lesson) => (
                <LessonRow key={lesson.id} lesson={lesson} group="required" today={today} />
              ))
            )}
          </SectionCard>
          <SectionCard
            title="已完成"
            id="lessons-done"
            extra={<Text className="training__count">{load.lessons.done.length} 门</Text>}
          >
            {load.lessons.done.length === 0 ? (
              <Text className="muted">还没有完成的课程。</Text>
            ) : (
              load.lessons.done.map((lesson) => (
                <LessonRow key={lesson.id} lesson={lesson} group="done" today={today} />
              ))
            )}
          </SectionCard>
          <SectionCard title="复习巩固" id="lessons-refreshers">
            {load.lessons.refreshers.length === 0 ? (
              <Text className="muted">完成课程后，这里会推荐需要巩固的内容。</Text>
            ) : (
              load.lessons.refreshers.map((lesson) => (
                <LessonRow key={lesson.id} lesson={lesson} group="refreshers" today={today} />
              ))
            )}
          </SectionCard>
        </>
      ) : null}
    </View>
  );
}
