import {
  LESSON_STATUS_LABELS,
  LESSON_TOPIC_LABELS,
  LessonStatus,
  type LessonSummary,
  Permission,
} from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { StatusBlock } from '../../../components';
import { ListFooter, ListStatus } from '../../../components/list-footer';
import { useMe } from '../../../features/auth';
import { listLessons } from '../../../features/lessons';
import { durationLabel } from '../../../features/training';
import { usePagedList } from '../../../hooks/use-paged-list';
import { chinaDateTime } from '../../../utils/china-time-format';
import { hasPermission } from '../../../utils/permissions';
import { lessonEditorUrl } from '../../../utils/training-pages';
import { SearchBox } from '../components/search-box';
import { StatusTabs } from '../components/status-tabs';
import './index.scss';
import { useShownAgain } from '../../../hooks/use-shown-again';

const ALL = 'all';
type Tab = LessonStatus | typeof ALL;
const TABS: readonly Tab[] = [ALL, LessonStatus.Draft, LessonStatus.Published, LessonStatus.Archived];
const TAB_LABELS: Record<Tab, string> = { [ALL]: '全部', ...LESSON_STATUS_LABELS };
const STATUS_TONES: Record<LessonStatus, string> = {
  [LessonStatus.Draft]: 'tag--orange',
  [LessonStatus.Published]: '',
  [LessonStatus.Archived]: 'tag--slate',
};

function LessonRow({ lesson }: { lesson: LessonSummary }) {
  return (
    <View
      className="list-row lesson-summary"
      id={`lesson-${lesson.id}`}
      hoverClass="list-row--pressed"
      onClick={() => void Taro.navigateTo({ url: lessonEditorUrl(lesson.id) }).catch(() => undefined)}
    >
      <View className="list-row__main">
        <Text className="list-row__title">{lesson.title}</Text>
        <View className="tags">
          <Text className={`tag ${STATUS_TONES[lesson.status]}`}>{LESSON_STATUS_LABELS[lesson.status]}</Text>
          <Text className="tag tag--slate">第 {lesson.version} 版</Text>
          <Text className="tag tag--blue">{LESSON_TOPIC_LABELS[lesson.topic] ?? lesson.topic}</Text>
          <Text className="tag tag--slate">{durationLabel(lesson.durationSeconds)}</Text>
        </View>
        <Text className="list-row__meta">
          {lesson.owner.name} · 更新于 {chinaDateTime(lesson.updatedAt)}
        </Text>
      </View>
      <Text className="list-row__go">›</Text>
    </View>
  );
}

/** 培训课程: the lessons of the person's scope by status, searchable; new lessons from here. */
export default function LessonsPage() {
  const { signedIn, load } = useMe();
  const [tab, setTab] = useState<Tab>(ALL);
  const [query, setQuery] = useState('');
  const lessons = usePagedList<LessonSummary>(signedIn ? `${tab}:${query}` : null, (cursor) =>
    listLessons({ ...(tab === ALL ? {} : { status: tab }), ...(query ? { q: query } : {}), cursor }),
  );

  // Back from the editor: a lesson may have been saved, published or archived.
  useShownAgain(() => {
    void lessons.reload();
  });

  useReachBottom(() => {
    void lessons.loadMore();
  });

  if (!signedIn) {
    return <View className="page" />;
  }
  if (load.state === 'ready' && !hasPermission(load.me.roles, Permission.LessonManage)) {
    return (
      <View className="page">
        <StatusBlock text="培训课程由企业安全员和工会干部管理。" />
      </View>
    );
  }
  return (
    <View className="page staff-wide lessons">
      <View className="lessons__bar">
        <SearchBox id="lessons-search" placeholder="课程标题" onSearch={setQuery} active={query !== ''} />
        <Button
          id="lesson-new"
          type="primary"
          size="large"
          block
          onClick={() => void Taro.navigateTo({ url: lessonEditorUrl() }).catch(() => undefined)}
        >
          新建课程
        </Button>
      </View>
      <StatusTabs
        id="lessons-tabs"
        tabIdPrefix="lessons-tab"
        options={TABS}
        labels={TAB_LABELS}
        value={tab}
        onChange={setTab}
      />
      <View className="card" id="lessons-list">
        <ListStatus list={lessons} />
        {lessons.items.map((lesson) => (
          <LessonRow key={lesson.id} lesson={lesson} />
        ))}
        <ListFooter
          list={lessons}
          id="lessons-footer"
          emptyText={
            query
              ? '没有找到匹配的课程。'
              : tab === ALL
                ? '还没有课程，点「新建课程」编写第一课。'
                : `暂无${TAB_LABELS[tab]}的课程。`
          }
        />
      </View>
    </View>
  );
}
