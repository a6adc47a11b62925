import { HAZARD_ACTION_LABELS, HazardAction, type HazardTicketDetail } from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, toastSuccess, useRequireSession } from '../../../api';
import { StatusBlock } from '../../../components';
import { StateBadge } from '../../../components/hazards';
import { fetchHazard } from '../../../features/hazards';
import { categoryLabel } from '../../../utils/hazard-labels';
import { actionFormUrl, ticketPageUrl } from '../../../utils/hazard-pages';
import {
  type ActionFormProps,
  AuthorityReportActionForm,
  FixEvidence,
  FixOnTheSpotActionForm,
  MergeActionForm,
  NoteActionForm,
  ReasonActionForm,
  ReassignActionForm,
  TriageActionForm,
} from './forms';
import './index.scss';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; ticket: HazardTicketDetail }
  | { state: 'failed'; message: string };

function isHazardAction(value: string | undefined): value is HazardAction {
  return Object.values(HazardAction).includes(value as HazardAction);
}

function ActionForm({ action, ...props }: ActionFormProps & { action: HazardAction }) {
  switch (action) {
    case HazardAction.Triage:
      return <TriageActionForm {...props} />;
    case HazardAction.Reassign:
      return <ReassignActionForm {...props} />;
    case HazardAction.Reject:
    case HazardAction.Fail:
    case HazardAction.Reopen:
      return <ReasonActionForm {...props} action={action} />;
    case HazardAction.Pass:
    case HazardAction.ApproveExtension:
    case HazardAction.DenyExtension:
      return <NoteActionForm {...props} action={action} />;
    case HazardAction.FixOnTheSpot:
      return <FixOnTheSpotActionForm {...props} />;
    case HazardAction.Merge:
      return <MergeActionForm {...props} />;
    case HazardAction.ReportToAuthority:
      return <AuthorityReportActionForm {...props} />;
    default:
      // start, request_extension, submit_fix: the assignee's, on the ticket page.
      return <StatusBlock text="请在工单页面进行此操作。" />;
  }
}

/** Back to the ticket (which reloads on show), or to it afresh when this form was opened directly. */
function backToTicket(ticketId: string): void {
  const stack = typeof Taro.getCurrentPages === 'function' ? Taro.getCurrentPages() : [];
  if (stack.length > 1) {
    Taro.navigateBack().catch(() => undefined);
  } else {
    Taro.redirectTo({ url: ticketPageUrl(ticketId) }).catch(() => undefined);
  }
}

/**
 * One staff action on a ticket (`?id=&action=`): triage and assign, reject, merge, fix on the
 * spot, reassign, decide an extension, verify, reopen, report to the authority. Offered only when
 * the server lists the action for the caller on this ticket now.
 */
export default function HazardActionPage() {
  const router = useRouter();
  const [id] = useState(() => router.params?.id ?? '');
  const [action] = useState(() => router.params?.action);
  const signedIn = useRequireSession(id && action ? actionFormUrl(id, action) : undefined);
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const loadTicket = useCallback(async () => {
    if (!id || !isHazardAction(action)) {
      setLoad({ state: 'failed', message: '缺少工单或操作参数，请从工单页面进入。' });
      return;
    }
    setLoad({ state: 'loading' });
    try {
      setLoad({ state: 'ready', ticket: await fetchHazard(id) });
    } catch (error) {
      setLoad({ state: 'failed', message: errorMessage(error) });
    }
  }, [id, action]);

  useEffect(() => {
    if (signedIn) {
      void loadTicket();
    }
  }, [signedIn, loadTicket]);

  useEffect(() => {
    if (isHazardAction(action)) {
      Taro.setNavigationBarTitle({ title: HAZARD_ACTION_LABELS[action] }).catch(() => undefined);
    }
  }, [action]);

  if (!signedIn) {
    return <View className="page" />;
  }
  if (load.state === 'loading') {
    return (
      <View className="page">
        <StatusBlock text="正在加载…" />
      </View>
    );
  }
  if (load.state === 'failed' || !isHazardAction(action)) {
    return (
      <View className="page">
        <StatusBlock
          text={load.state === 'failed' ? load.message : '未知的操作。'}
          actionText="重新加载"
          onAction={() => void loadTicket()}
        />
      </View>
    );
  }

  const { ticket } = load;
  const allowed = ticket.actions.includes(action);
  return (
    <View className="page action-form">
      <View className="card action-form__ticket" id="action-ticket" onClick={() => backToTicket(ticket.id)}>
        <View className="action-form__ticket-head">
          <Text className="action-form__code">{ticket.code}</Text>
          <StateBadge state={ticket.state} />
        </View>
        <Text className="action-form__description">{ticket.description}</Text>
        <Text className="muted">
          {categoryLabel(ticket.category)} · {ticket.workplace.name} · {ticket.enterprise.name}
        </Text>
      </View>

      {allowed ? (
        <View className="card">
          <Text className="card__title action-form__title">{HAZARD_ACTION_LABELS[action]}</Text>
          {action === HazardAction.Pass || action === HazardAction.Fail ? <FixEvidence ticket={ticket} /> : null}
          <ActionForm
            action={action}
            ticket={ticket}
            onDone={() => {
              toastSuccess('已完成');
              backToTicket(ticket.id);
            }}
          />
        </View>
      ) : (
        <View className="card" id="action-not-allowed">
          <StatusBlock text={`这条隐患现在不能「${HAZARD_ACTION_LABELS[action]}」，可能已有其他人处理。`} />
          <Button size="large" block onClick={() => backToTicket(ticket.id)}>
            返回工单
          </Button>
        </View>
      )}
    </View>
  );
}
