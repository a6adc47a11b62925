import { type CheckInCard, SHIFT_CLEARANCE_LABELS, ShiftClearance } from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { chinaDateTime, chinaDay } from '../../utils/china-time-format';
import './training.scss';

const CARD_IDS: Record<ShiftClearance, string> = {
  [ShiftClearance.Cleared]: 'card-cleared',
  [ShiftClearance.NotCleared]: 'card-not-cleared',
  [ShiftClearance.LessonPending]: 'card-pending',
};

const TONES: Record<ShiftClearance, string> = {
  [ShiftClearance.Cleared]: 'green',
  [ShiftClearance.NotCleared]: 'red',
  [ShiftClearance.LessonPending]: 'amber',
};

const MARKS: Record<ShiftClearance, string> = {
  [ShiftClearance.Cleared]: '✓',
  [ShiftClearance.NotCleared]: '✕',
  [ShiftClearance.LessonPending]: '…',
};

const DEFAULT_ADVICE = '请回家休息，及时就医，并告知班组长。身体恢复后再上岗。';

/** China time now, `14:05:32`, ticking: a live card, not yesterday's screenshot. */
function LiveClock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const shifted = new Date(now.getTime() + 8 * 60 * 60 * 1000).toISOString();
  return (
    <Text className="shift-card__clock" id="card-clock">
      现在 {shifted.slice(11, 19)}
    </Text>
  );
}

function Row({ label, value, id, strong = false }: { label: string; value: string; id?: string; strong?: boolean }) {
  return (
    <View className="shift-card__row">
      <Text className="shift-card__row-label">{label}</Text>
      <Text className={`shift-card__row-value${strong ? ' shift-card__row-value--strong' : ''}`} id={id}>
        {value}
      </Text>
    </View>
  );
}

function lessonLine(card: CheckInCard): string {
  if (card.passedLesson) {
    return `《${card.passedLesson.title}》第 ${card.passedLesson.version} 版 · ${card.passedLesson.score} 分 通过`;
  }
  if (card.clearance === ShiftClearance.LessonPending) {
    return card.todaysLesson ? `待完成《${card.todaysLesson.title}》` : '待完成';
  }
  if (card.clearance === ShiftClearance.Cleared) {
    return '今日无需培训';
  }
  return '—';
}

/**
 * The pre-shift card, big enough to hold up to the foreman: green 准许上岗, red 暂不上岗 (with what to
 * do, and that the officers were told), amber 待完成班前培训; who, where, when, the lesson passed.
 */
export function CheckInCardView({ card }: { card: CheckInCard }) {
  const clearance = card.clearance;
  return (
    <View className={`shift-card shift-card--${TONES[clearance]}`} id={CARD_IDS[clearance]}>
      <View className="shift-card__head">
        <Text className="shift-card__mark">{MARKS[clearance]}</Text>
        <View className="shift-card__head-text">
          <Text className="shift-card__status" id="card-clearance">
            {SHIFT_CLEARANCE_LABELS[clearance]}
          </Text>
          <Text className="shift-card__day">
            {card.day} 班前打卡 · <LiveClock />
          </Text>
        </View>
      </View>

      <View className="shift-card__body">
        <Row label="职工" value={card.worker.displayName} id="card-worker" strong />
        <Row label="作业场所" value={card.workplace.name} id="card-workplace" strong />
        <Row label="企业" value={card.enterprise.name} id="card-enterprise" />
        <Row label="打卡时间" value={chinaDateTime(card.checkedInAt)} id="card-time" />
        {card.clearedAt ? <Row label="准许上岗" value={chinaDateTime(card.clearedAt)} id="card-cleared-at" /> : null}
        {clearance !== ShiftClearance.NotCleared ? (
          <Row label="班前培训" value={lessonLine(card)} id="card-lesson" />
        ) : null}
      </View>

      {clearance === ShiftClearance.NotCleared ? (
        <View className="shift-card__advice" id="card-advice">
          <Text className="shift-card__advice-title">今日暂不上岗</Text>
          <Text className="shift-card__advice-text">{card.advice || DEFAULT_ADVICE}</Text>
          <Text className="shift-card__advice-note" id="card-officers-told">
            已通知本企业安全员。
          </Text>
        </View>
      ) : null}
      {card.day !== chinaDay(new Date().toISOString()) ? (
        <Text className="shift-card__stale">这是 {card.day} 的打卡记录，不是今天的。</Text>
      ) : null}
    </View>
  );
}
