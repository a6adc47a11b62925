import {
  addChinaDays,
  chinaDateOf,
  isChinaDate,
  Permission,
  type RollCall,
  type RollCallEntry,
  roleHasPermission,
  SHIFT_CLEARANCE_LABELS,
  ShiftClearance,
} from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../api';
import { DateField, SectionCard, StatusBlock } from '../../../components';
import { useMe } from '../../../features/auth';
import { declarationLines, fetchRollCall, type RollCallGroup, rollCallGroups } from '../../../features/roll-call';
import { chinaDateTime } from '../../../utils/china-time-format';
import { hasPermission } from '../../../utils/permissions';
import { WorkplacePicker } from './workplace-picker';
import './index.scss';

/** The workplace the person called the roll of last time, kept on this phone. */
export const ROLL_CALL_WORKPLACE_STORAGE_KEY = 'ankang.roll-call-workplace';

interface ChosenWorkplace {
  id: string;
  name: string;
}

type Load =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; rollCall: RollCall }
  | { state: 'failed'; message: string };

function rememberedWorkplace(): ChosenWorkplace | null {
  try {
    const value: unknown = Taro.getStorageSync(ROLL_CALL_WORKPLACE_STORAGE_KEY);
    return value && typeof value === 'object' && typeof (value as ChosenWorkplace).id === 'string'
      ? (value as ChosenWorkplace)
      : null;
  } catch {
    return null;
  }
}

function remember(workplace: ChosenWorkplace): void {
  try {
    Taro.setStorageSync(ROLL_CALL_WORKPLACE_STORAGE_KEY, workplace);
  } catch {
    // Storage full: the choice is a convenience.
  }
}

function time(iso: string | null): string {
  return iso ? chinaDateTime(iso).slice(11) : '';
}

function EntryRow({ entry }: { entry: RollCallEntry }) {
  const tone =
    entry.clearance === ShiftClearance.Cleared
      ? ''
      : entry.clearance === ShiftClearance.NotCleared
        ? ' tag--red'
        : ' tag--amber';
  return (
    <View className="list-row roll-call-entry" id={`roll-call-worker-${entry.workerId}`}>
      <View className="list-row__main">
        <View className="roll-call-entry__name-line">
          <Text className="list-row__title">{entry.displayName}</Text>
          {entry.employeeNumber ? <Text className="roll-call-entry__number">工号 {entry.employeeNumber}</Text> : null}
        </View>
        <Text className="list-row__meta">
          {time(entry.checkedInAt)} 打卡
          {entry.clearedAt ? ` · ${time(entry.clearedAt)} 准许上岗` : ''}
        </Text>
        {entry.clearance !== ShiftClearance.Cleared || entry.declaration ? (
          <View className="tags">
            {entry.clearance !== ShiftClearance.Cleared ? (
              <Text className={`tag${tone}`}>{SHIFT_CLEARANCE_LABELS[entry.clearance]}</Text>
            ) : null}
            {entry.declaration
              ? declarationLines(entry.declaration).map((line) => (
                  <Text className="tag tag--slate" key={line}>
                    {line}
                  </Text>
                ))
              : null}
          </View>
        ) : null}
      </View>
    </View>
  );
}

function GroupCard({ group }: { group: RollCallGroup }) {
  const count = group.key === 'not-checked-in' ? group.people.length : group.entries.length;
  return (
    <SectionCard
      title={`${group.title}（${count}）`}
      id={`roll-call-${group.key}`}
      className={`roll-call-group roll-call-group--${group.key}`}
    >
      {count === 0 ? <Text className="muted">无</Text> : null}
      {group.key === 'not-checked-in'
        ? group.people.map((person) => (
            <View className="list-row roll-call-entry" id={`roll-call-worker-${person.id}`} key={person.id}>
              <View className="list-row__main roll-call-entry__name-line">
                <Text className="list-row__title">{person.displayName}</Text>
                {person.employeeNumber ? (
                  <Text className="roll-call-entry__number">工号 {person.employeeNumber}</Text>
                ) : null}
              </View>
            </View>
          ))
        : group.entries.map((entry) => <EntryRow entry={entry} key={entry.workerId} />)}
    </SectionCard>
  );
}

/**
 * 班组点名 (`?workplaceId=&date=`): who checked in at a workplace on a China day — 准许上岗,
 * 暂不上岗 or 待培训, and the enterprise's workers not checked in anywhere. Declarations only when the
 * server sends them (the enterprise's officers, within 30 days).
 */
export default function RollCallPage() {
  const router = useRouter();
  const { signedIn, load: meLoad } = useMe();
  const today = chinaDateOf(new Date());
  const [workplace, setWorkplace] = useState<ChosenWorkplace | null>(() =>
    router.params?.workplaceId ? { id: router.params.workplaceId, name: '' } : rememberedWorkplace(),
  );
  const [choosing, setChoosing] = useState(workplace === null);
  const [date, setDate] = useState(() =>
    router.params?.date && isChinaDate(router.params.date) ? router.params.date : today,
  );
  const [load, setLoad] = useState<Load>({ state: 'idle' });
  const validDate = isChinaDate(date.trim()) ? date.trim() : null;

  const workplaceId = workplace?.id ?? null;
  // The name shown until the server names the place (a link may carry only the id).
  const knownName = useRef(workplace?.name ?? '');
  knownName.current = workplace?.name ?? '';

  const loadRollCall = useCallback(async () => {
    if (!workplaceId || !validDate) {
      return;
    }
    setLoad({ state: 'loading' });
    try {
      const rollCall = await fetchRollCall(workplaceId, validDate);
      setLoad({ state: 'ready', rollCall });
      if (rollCall.workplace.name !== knownName.current) {
        const named = { id: workplaceId, name: rollCall.workplace.name };
        setWorkplace(named);
        remember(named);
      }
    } catch (error) {
      setLoad({ state: 'failed', message: errorMessage(error) });
    }
  }, [workplaceId, validDate]);

  useEffect(() => {
    if (signedIn && !choosing) {
      void loadRollCall();
    }
  }, [signedIn, choosing, loadRollCall]);

  usePullDownRefresh(() => {
    void loadRollCall().finally(() => Taro.stopPullDownRefresh());
  });

  if (!signedIn) {
    return <View className="page" />;
  }
  const roles = meLoad.state === 'ready' ? meLoad.me.roles : [];
  if (meLoad.state === 'ready' && !hasPermission(roles, Permission.RollCallRead)) {
    return (
      <View className="page">
        <StatusBlock text="班组点名供企业安全员和工会干部查看。" />
      </View>
    );
  }
  const roots = [
    ...new Set(
      roles.filter((grant) => roleHasPermission(grant.role, Permission.RollCallRead)).map((grant) => grant.orgUnitId),
    ),
  ];

  if (choosing || !workplace) {
    return (
      <View className="page staff-wide roll-call">
        <View className="card">
          <Text className="card__title">选择作业场所</Text>
          {meLoad.state === 'loading' ? <Text className="muted">正在加载…</Text> : null}
          {meLoad.state === 'ready' ? (
            <WorkplacePicker
              roots={roots}
              onChoose={(chosen) => {
                setWorkplace(chosen);
                remember(chosen);
                setChoosing(false);
              }}
            />
          ) : null}
        </View>
      </View>
    );
  }

  const rollCall = load.state === 'ready' ? load.rollCall : null;
  const groups = rollCall ? rollCallGroups(rollCall) : [];
  const counts = rollCall
    ? { cleared: rollCall.cleared.length, notCleared: rollCall.notCleared.length, absent: rollCall.notCheckedIn.length }
    : null;
  return (
    <View className="page staff-wide roll-call">
      <View className="card roll-call__head">
        <View className="roll-call__place">
          <Text className="roll-call__name" id="roll-call-workplace">
            {rollCall?.workplace.name || workplace.name || '作业场所'}
          </Text>
          <Text className="roll-call__change" id="roll-call-change" onClick={() => setChoosing(true)}>
            更换
          </Text>
        </View>
        <View className="roll-call__dates">
          <Text
            className="roll-call__step"
            id="roll-call-prev"
            onClick={() => validDate && setDate(addChinaDays(validDate, -1))}
          >
            ‹ 前一天
          </Text>
          <View className="roll-call__date">
            <DateField id="roll-call-date" value={date} end={today} onChange={setDate} />
          </View>
          <Text
            className={`roll-call__step${validDate && validDate >= today ? ' roll-call__step--off' : ''}`}
            id="roll-call-next"
            onClick={() => validDate && validDate < today && setDate(addChinaDays(validDate, 1))}
          >
            后一天 ›
          </Text>
        </View>
        {validDate ? null : <Text className="form-field__error">请按 年-月-日 填写日期，如 2026-12-31</Text>}
        {counts ? (
          <View className="roll-call__counts" id="roll-call-counts">
            <Text className="roll-call__count roll-call__count--green">准许 {counts.cleared}</Text>
            <Text className="roll-call__count roll-call__count--red">暂不/待培训 {counts.notCleared}</Text>
            <Text className="roll-call__count roll-call__count--slate">未打卡 {counts.absent}</Text>
          </View>
        ) : null}
      </View>
      {load.state === 'loading' ? <StatusBlock text="正在点名…" /> : null}
      {load.state === 'failed' ? (
        <StatusBlock text={load.message} actionText="重新加载" onAction={() => void loadRollCall()} />
      ) : null}
      <View className="roll-call__groups">
        {groups.map((group) => (
          <GroupCard group={group} key={group.key} />
        ))}
      </View>
      {rollCall ? (
        <Text className="muted roll-call__note">健康申报详情仅本企业安全员可见，30 天后只保留是否准许上岗。</Text>
      ) : null}
    </View>
  );
}
