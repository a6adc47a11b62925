import {
  HAZARD_CATEGORY_LABELS,
  HAZARD_GRADE_LABELS,
  HAZARD_STATE_LABELS,
  HazardCategory,
  HazardGrade,
  type HazardListQuery,
  HazardState,
  type HazardTicketSummary,
  OrgKind,
  type OrgUnitSummary,
  Permission,
  roleHasPermission,
} from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Choice } from '../../../components';
import { TicketCard } from '../../../components/hazards';
import { ListFooter, ListStatus } from '../../../components/list-footer';
import { useMe } from '../../../features/auth';
import { listHazards } from '../../../features/hazards';
import { listOrgUnits } from '../../../features/org';
import { usePagedList } from '../../../hooks/use-paged-list';
import { ticketPageUrl } from '../../../utils/hazard-pages';
import { SearchBox } from '../components/search-box';
import './index.scss';
import { useShownAgain } from '../../../hooks/use-shown-again';

/** The officer's queue, one tab per open state (the server sorts overdue first). */
const QUEUE_TABS = [
  HazardState.Submitted,
  HazardState.Assigned,
  HazardState.Rectifying,
  HazardState.PendingVerification,
] as const;

type QueueTab = (typeof QUEUE_TABS)[number];
type ListView = 'queue' | 'supervision';

const ALL = 'all';
type Any<T extends string> = T | typeof ALL;

const CATEGORY_OPTIONS: Any<HazardCategory>[] = [ALL, ...Object.values(HazardCategory)];
const CATEGORY_FILTER_LABELS = { [ALL]: '全部类别', ...HAZARD_CATEGORY_LABELS } as Record<Any<HazardCategory>, string>;
const GRADE_OPTIONS: Any<HazardGrade>[] = [ALL, HazardGrade.General, HazardGrade.Major];
const GRADE_FILTER_LABELS = { [ALL]: '全部等级', ...HAZARD_GRADE_LABELS } as Record<Any<HazardGrade>, string>;
const OVERDUE_OPTIONS = [ALL, 'overdue'] as const;
const OVERDUE_LABELS: Record<(typeof OVERDUE_OPTIONS)[number], string> = { [ALL]: '全部', overdue: '仅逾期' };

interface Filters {
  category: Any<HazardCategory>;
  grade: Any<HazardGrade>;
  overdue: (typeof OVERDUE_OPTIONS)[number];
  workplace: { id: string; name: string } | null;
}

const NO_FILTERS: Filters = { category: ALL, grade: ALL, overdue: ALL, workplace: null };

/** The query of one tab and the filters (`view=queue`) or of the union's list (`view=supervision`). */
function hazardQuery(view: ListView, tab: QueueTab, filters: Filters, cursor?: string): HazardListQuery {
  return {
    view,
    ...(view === 'queue' ? { state: tab } : {}),
    ...(filters.category !== ALL ? { category: filters.category } : {}),
    ...(filters.grade !== ALL ? { grade: filters.grade } : {}),
    ...(filters.overdue === 'overdue' ? { overdue: true } : {}),
    ...(filters.workplace ? { workplaceId: filters.workplace.id } : {}),
    cursor,
  };
}

function activeFilterCount(filters: Filters): number {
  return [filters.category !== ALL, filters.grade !== ALL, filters.overdue !== ALL, filters.workplace !== null].filter(
    Boolean,
  ).length;
}

/** 作业场所 filter: the workplaces under the nodes where the person handles hazards, searched by name or code. */
function WorkplaceFilter({
  roots,
  value,
  onChange,
}: {
  roots: readonly string[];
  value: Filters['workplace'];
  onChange: (workplace: Filters['workplace']) => void;
}) {
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<OrgUnitSummary[]>([]);
  const [searched, setSearched] = useState(false);

  useEffect(() => {
    if (!query) {
      setOptions([]);
      setSearched(false);
      return;
    }
    let current = true;
    Promise.all(
      roots.map((withinId) =>
        listOrgUnits({ withinId, kind: OrgKind.Workplace, q: query, limit: 20 }).catch(() => null),
      ),
    ).then((pages) => {
      if (current) {
        setOptions(pages.flatMap((page) => page?.items ?? []));
        setSearched(true);
      }
    });
    return () => {
      current = false;
    };
  }, [query, roots]);

  return (
    <View className="filter-workplace">
      {value ? (
        <View className="options">
          <View className="option option--on" id="filter-workplace-clear" onClick={() => onChange(null)}>
            <Text>{value.name} ×</Text>
          </View>
        </View>
      ) : (
        <>
          <SearchBox
            id="filter-workplace-search"
            placeholder="场所名称或编码"
            onSearch={setQuery}
            active={query !== ''}
          />
          <View className="options">
            {options.map((workplace) => (
              <View
                key={workplace.id}
                className="option"
                id={`filter-workplace-${workplace.id}`}
                onClick={() => onChange({ id: workplace.id, name: workplace.name })}
              >
                <Text>{workplace.name}</Text>
              </View>
            ))}
          </View>
          {searched && options.length === 0 ? <Text className="muted">没有找到匹配的场所。</Text> : null}
        </>
      )}
    </View>
  );
}

/**
 * 隐患工单 (`view=queue`): the tickets of the enterprises in the person's scope, a tab per state, overdue
 * first, filtered by workplace, category, grade, overdue. 隐患督办 (`?view=supervision`): union staff's
 * list of 重大 and overdue tickets across their subtree.
 */
export default function HazardQueuePage() {
  const router = useRouter();
  const view: ListView = router.params?.view === 'supervision' ? 'supervision' : 'queue';
  const { signedIn, load } = useMe();
  const [tab, setTab] = useState<QueueTab>(HazardState.Submitted);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [showFilters, setShowFilters] = useState(false);

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: view === 'supervision' ? '隐患督办' : '隐患工单' }).catch(() => undefined);
  }, [view]);

  const key = `${view}:${tab}:${filters.category}:${filters.grade}:${filters.overdue}:${filters.workplace?.id ?? ''}`;
  const tickets = usePagedList<HazardTicketSummary>(signedIn ? key : null, (cursor) =>
    listHazards(hazardQuery(view, tab, filters, cursor)),
  );

  // Back from a ticket: it may have moved to another tab.
  useShownAgain(() => {
    void tickets.reload();
  });

  useReachBottom(() => {
    void tickets.loadMore();
  });

  if (!signedIn) {
    return <View className="page" />;
  }
  const roles = load.state === 'ready' ? load.me.roles : [];
  const handleRoots = [
    ...new Set(
      roles.filter((grant) => roleHasPermission(grant.role, Permission.HazardHandle)).map((grant) => grant.orgUnitId),
    ),
  ];
  const filterCount = activeFilterCount(filters);

  return (
    <View className="page hazard-queue">
      {view === 'queue' ? (
        <View className="queue-tabs" id="queue-tabs">
          {QUEUE_TABS.map((state) => (
            <View
              key={state}
              id={`queue-tab-${state}`}
              className={`queue-tab${tab === state ? ' queue-tab--on' : ''}`}
              role="tab"
              aria-selected={tab === state}
              onClick={() => setTab(state)}
            >
              <Text>{HAZARD_STATE_LABELS[state]}</Text>
            </View>
          ))}
        </View>
      ) : (
        <View className="card queue-intro">
          <Text className="muted">辖区内的重大隐患和逾期未整改的隐患，销号前一直在这里督办。</Text>
        </View>
      )}

      <View className="queue-filter-bar">
        <Text
          className="queue-filter-toggle"
          id="queue-filter-toggle"
          onClick={() => setShowFilters((shown) => !shown)}
        >
          筛选{filterCount > 0 ? `（${filterCount}）` : ''} {showFilters ? '▲' : '▼'}
        </Text>
        {filterCount > 0 ? (
          <Text className="queue-filter-clear" id="queue-filter-clear" onClick={() => setFilters(NO_FILTERS)}>
            清除筛选
          </Text>
        ) : null}
      </View>
      {showFilters ? (
        <View className="card queue-filters" id="queue-filters">
          <Text className="form-field__label">作业场所</Text>
          <WorkplaceFilter
            roots={handleRoots}
            value={filters.workplace}
            onChange={(workplace) => setFilters((current) => ({ ...current, workplace }))}
          />
          <Text className="form-field__label">隐患类别</Text>
          <Choice
            id="filter-category"
            options={CATEGORY_OPTIONS}
            labels={CATEGORY_FILTER_LABELS}
            value={filters.category}
            onChange={(category) => setFilters((current) => ({ ...current, category }))}
          />
          <Text className="form-field__label">隐患等级</Text>
          <Choice
            id="filter-grade"
            options={GRADE_OPTIONS}
            labels={GRADE_FILTER_LABELS}
            value={filters.grade}
            onChange={(grade) => setFilters((current) => ({ ...current, grade }))}
          />
          <Text className="form-field__label">期限</Text>
          <Choice
            id="filter-overdue"
            options={OVERDUE_OPTIONS}
            labels={OVERDUE_LABELS}
            value={filters.overdue}
            onChange={(overdue) => setFilters((current) => ({ ...current, overdue }))}
          />
        </View>
      ) : null}

      <View id="queue-list">
        <ListStatus list={tickets} />
        {tickets.items.map((ticket) => (
          <TicketCard
            key={ticket.id}
            ticket={ticket}
            onOpen={() => void Taro.navigateTo({ url: ticketPageUrl(ticket.id) }).catch(() => undefined)}
          />
        ))}
        <ListFooter
          list={tickets}
          id="queue-footer"
          emptyText={
            view === 'supervision'
              ? '辖区内暂无需要督办的隐患。'
              : filterCount > 0
                ? '没有符合筛选条件的隐患。'
                : `暂无「${HAZARD_STATE_LABELS[tab]}」的隐患。`
          }
        />
      </View>
    </View>
  );
}
