import {
  addChinaDays,
  HAZARD_ACTION_LABELS,
  HAZARD_NOTE_MAX_LENGTH,
  HazardAction,
  HazardGrade,
  HazardPhotoKind,
  type HazardTicketDetail,
  INDUSTRY_LABELS,
  ReporterVisibility,
} from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { errorMessage, toastSuccess, useRequireSession } from '../../api';
import { DateField, FieldTextarea, LoadStatusPage } from '../../components';
import { FixFields, type FixValues, Sheet, StateBadge, TicketPhotos, Timeline } from '../../components/hazards';
import {
  chinaToday,
  extensionRequest,
  type FormErrors,
  fetchHazard,
  performHazardAction,
  uploadFixPhotos,
  validateExtension,
  validateFix,
} from '../../features/hazards';
import { chinaDateTime } from '../../utils/china-time-format';
import { categoryLabel, gradeLabel, isThreeViolations } from '../../utils/hazard-labels';
import { actionFormUrl, ticketPageUrl } from '../../utils/hazard-pages';
import './detail.scss';
import { useShownAgain } from '../../hooks/use-shown-again';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; ticket: HazardTicketDetail }
  | { state: 'failed'; message: string };

/** The assignee's own steps happen here (an assignee may be a worker); the rest is staff's, in the subpackage. */
const ASSIGNEE_ACTIONS: readonly HazardAction[] = [
  HazardAction.Start,
  HazardAction.RequestExtension,
  HazardAction.SubmitFix,
];

/** The action the server lists first for the caller stands out; destructive ones are plain. */
const SECONDARY_ACTIONS: readonly HazardAction[] = [
  HazardAction.Reject,
  HazardAction.Merge,
  HazardAction.Fail,
  HazardAction.DenyExtension,
  HazardAction.Reopen,
  HazardAction.Reassign,
];

function Row({ label, children, id }: { label: string; children: ReactNode; id?: string }) {
  return (
    <View className="detail-row">
      <Text className="detail-row__label">{label}</Text>
      <Text className="detail-row__value" id={id}>
        {children}
      </Text>
    </View>
  );
}

interface AssigneeSheetProps {
  ticket: HazardTicketDetail;
  action: HazardAction;
  onDone: (ticket: HazardTicketDetail) => void;
  onClose: () => void;
}

/** 开始整改 / 申请延期 / 提交整改: the assignee's forms. */
function AssigneeSheet({ ticket, action, onDone, onClose }: AssigneeSheetProps) {
  const [fix, setFix] = useState<FixValues>({ note: '', photos: [] });
  const [extension, setExtension] = useState({ deadline: '', reason: '' });
  const [errors, setErrors] = useState<FormErrors<string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = chinaToday();
  const currentDeadline = ticket.assignment?.deadline ?? ticket.deadline;

  const confirm = async () => {
    if (busy) {
      return;
    }
    const found =
      action === HazardAction.SubmitFix
        ? validateFix(fix)
        : action === HazardAction.RequestExtension
          ? validateExtension(extension, today, currentDeadline)
          : {};
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      return;
    }
    setBusy(true);
    try {
      let updated: HazardTicketDetail;
      if (action === HazardAction.SubmitFix) {
        const photoIds = await uploadFixPhotos(fix.photos, (clientKey, photoId) =>
          setFix((current) => ({
            ...current,
            photos: current.photos.map((photo) => (photo.clientKey === clientKey ? { ...photo, photoId } : photo)),
          })),
        );
        updated = await performHazardAction(ticket.id, HazardAction.SubmitFix, { note: fix.note.trim(), photoIds });
      } else if (action === HazardAction.RequestExtension) {
        updated = await performHazardAction(ticket.id, HazardAction.RequestExtension, extensionRequest(extension));
      } else {
        updated = await performHazardAction(ticket.id, HazardAction.Start, {});
      }
      toastSuccess(action === HazardAction.SubmitFix ? '已提交验收' : '已完成');
      onDone(updated);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Sheet
      title={HAZARD_ACTION_LABELS[action]}
      confirmText={action === HazardAction.SubmitFix ? '提交验收' : '确定'}
      failure={failure}
      busy={busy}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      {action === HazardAction.Start ? (
        <Text className="sheet__text">
          开始整改后，请按整改措施在 {currentDeadline ?? '期限'} 前完成，完成后拍整改后照片提交验收。
        </Text>
      ) : null}
      {action === HazardAction.RequestExtension ? (
        <>
          <Text className="muted form-field__hint">
            现在的期限：{currentDeadline ?? '未设定'}。延期需企业安全员同意。
          </Text>
          <View className="form-field">
            <Text className="form-field__label">新的期限</Text>
            <DateField
              id="extension-deadline"
              value={extension.deadline}
              start={currentDeadline && currentDeadline >= today ? addChinaDays(currentDeadline, 1) : today}
              onChange={(deadline) => setExtension((current) => ({ ...current, deadline }))}
            />
            {errors.deadline ? <Text className="form-field__error">{errors.deadline}</Text> : null}
          </View>
          <View className="form-field">
            <Text className="form-field__label">延期理由</Text>
            <FieldTextarea
              id="extension-reason"
              className="form-field__textarea"
              value={extension.reason}
              placeholder="为什么不能按期完成"
              maxlength={HAZARD_NOTE_MAX_LENGTH}
              fixed
              onInput={(event) => setExtension((current) => ({ ...current, reason: event.detail.value }))}
            />
            {errors.reason ? <Text className="form-field__error">{errors.reason}</Text> : null}
          </View>
        </>
      ) : null}
      {action === HazardAction.SubmitFix ? (
        <FixFields values={fix} errors={errors} onChange={setFix} disabled={busy} inSheet />
      ) : null}
    </Sheet>
  );
}

function TicketView({ ticket, onAction }: { ticket: HazardTicketDetail; onAction: (action: HazardAction) => void }) {
  const reportPhotos = ticket.photos.filter((photo) => photo.kind === HazardPhotoKind.Report);
  const fixPhotos = ticket.photos.filter((photo) => photo.kind === HazardPhotoKind.Fix);
  const industry = ticket.industry ? INDUSTRY_LABELS[ticket.industry] : null;
  const { assignment } = ticket;
  return (
    <>
      <View className={`card detail-head detail-head--${ticket.state}${ticket.overdue ? ' detail-head--overdue' : ''}`}>
        <View className="detail-head__top">
          <Text className="detail-head__code" id="hazard-code">
            {ticket.code}
          </Text>
          <StateBadge state={ticket.state} id="hazard-state" />
        </View>
        <View className="ticket-card__tags">
          <Text className={`tag${ticket.grade === HazardGrade.Major ? ' tag--orange' : ''}`} id="hazard-grade">
            {gradeLabel(ticket.grade)}
          </Text>
          <Text className="tag tag--blue" id="hazard-category">
            {categoryLabel(ticket.category)}
          </Text>
          {isThreeViolations(ticket.category) ? <Text className="tag tag--orange">三违</Text> : null}
          {industry ? <Text className="tag tag--slate">{industry}</Text> : null}
          {ticket.overdue ? (
            <Text className="tag tag--danger" id="hazard-overdue">
              已逾期
            </Text>
          ) : null}
        </View>
        <Text className="detail-head__description" id="hazard-description-text">
          {ticket.description}
        </Text>
        <Row label="地点" id="hazard-workplace">
          {ticket.workplace.name} · {ticket.enterprise.name}
        </Row>
        {ticket.locationNote ? <Row label="具体位置">{ticket.locationNote}</Row> : null}
        <Row label="上报时间">{chinaDateTime(ticket.createdAt)}</Row>
        <Row label="上报人" id="hazard-reporter">
          {ticket.reporter
            ? `${ticket.reporter.displayName}${ticket.reporterVisibility === ReporterVisibility.HiddenFromEnterprise ? '（对企业隐藏）' : ''}`
            : ticket.reporterVisibility === ReporterVisibility.Anonymous
              ? '匿名'
              : ticket.reporterVisibility === ReporterVisibility.HiddenFromEnterprise
                ? '姓名已隐藏'
                : '—'}
        </Row>
        {ticket.deadline ? (
          <Row label="整改期限" id="hazard-deadline">
            {ticket.deadline}
            {ticket.overdue ? '（已逾期）' : ''}
          </Row>
        ) : null}
        {ticket.closedAt ? <Row label="销号时间">{chinaDateTime(ticket.closedAt)}</Row> : null}
      </View>

      {ticket.actions.length > 0 ? (
        <View className="card detail-actions" id="hazard-actions">
          <Text className="card__title">可以进行的操作</Text>
          <View className="actions">
            {ticket.actions.map((action, index) => (
              <View
                key={action}
                id={`action-${action}`}
                className={`action${index === 0 && !SECONDARY_ACTIONS.includes(action) ? ' action--primary' : ''}${
                  SECONDARY_ACTIONS.includes(action) ? ' action--danger' : ''
                }`}
                hoverClass="action--pressed"
                onClick={() => onAction(action)}
              >
                <Text>{HAZARD_ACTION_LABELS[action] ?? action}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}

      {ticket.pendingExtension ? (
        <View className="card detail-notice" id="hazard-pending-extension">
          <Text className="card__title">延期申请待审批</Text>
          <Row label="申请期限">{ticket.pendingExtension.deadline}</Row>
          <Row label="理由">{ticket.pendingExtension.reason}</Row>
          <Row label="申请时间">{chinaDateTime(ticket.pendingExtension.requestedAt)}</Row>
        </View>
      ) : null}

      {ticket.rejectReason ? (
        <View className="card detail-notice">
          <Text className="card__title">不予受理</Text>
          <Text className="detail-notice__text">{ticket.rejectReason}</Text>
        </View>
      ) : null}

      {ticket.duplicateOf ? (
        <View
          className="card detail-notice"
          id="hazard-duplicate-of"
          onClick={() => void Taro.navigateTo({ url: ticketPageUrl(ticket.duplicateOf?.id ?? '') })}
        >
          <Text className="card__title">重复上报</Text>
          <Text className="detail-notice__text">与 {ticket.duplicateOf.code} 是同一隐患，按该工单处理 ›</Text>
        </View>
      ) : null}

      <View className="card">
        <Text className="card__title">隐患照片</Text>
        <TicketPhotos id="hazard-photos" photos={reportPhotos} />
      </View>

      {assignment ? (
        <View className="card" id="hazard-assignment">
          <Text className="card__title">整改“五定”</Text>
          <Row label="责任人" id="hazard-responsible">
            {assignment.responsible.displayName}
          </Row>
          <Row label="整改措施">{assignment.measures}</Row>
          <Row label="整改资金">{assignment.funding || '—'}</Row>
          <Row label="整改期限">{assignment.deadline}</Row>
          <Row label="应急预案">{assignment.contingencyPlan || '—'}</Row>
        </View>
      ) : null}

      {fixPhotos.length > 0 ? (
        <View className="card">
          <Text className="card__title">整改后照片</Text>
          <TicketPhotos id="hazard-fix-photos" photos={fixPhotos} />
        </View>
      ) : null}

      {ticket.authorityReport ? (
        <View className="card" id="hazard-authority-report">
          <Text className="card__title">报送主管部门</Text>
          <Row label="部门">{ticket.authorityReport.department}</Row>
          <Row label="报送日期">{ticket.authorityReport.reportedOn}</Row>
          {ticket.authorityReport.reference ? <Row label="文号">{ticket.authorityReport.reference}</Row> : null}
        </View>
      ) : null}

      <View className="card">
        <Text className="card__title">处理过程</Text>
        <Timeline events={ticket.events} visibility={ticket.reporterVisibility} />
      </View>
    </>
  );
}

/**
 * 隐患工单: everything about one ticket the caller may see, its timeline, and the actions the server
 * says the caller may take now (`detail.actions` — nothing else is offered). The assignee's steps
 * open a sheet here; staff actions open their form in the staff subpackage.
 */
export default function HazardDetailPage() {
  const router = useRouter();
  const [id] = useState(() => router.params?.id ?? '');
  const signedIn = useRequireSession(id ? ticketPageUrl(id) : undefined);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [sheet, setSheet] = useState<HazardAction | null>(null);

  const loadTicket = useCallback(async () => {
    if (!id) {
      setLoad({ state: 'failed', message: '缺少工单参数，请从列表或消息进入。' });
      return;
    }
    try {
      setLoad({ state: 'ready', ticket: await fetchHazard(id) });
    } catch (error) {
      setLoad({ state: 'failed', message: errorMessage(error) });
    }
  }, [id]);

  useEffect(() => {
    if (signedIn) {
      void loadTicket();
    }
  }, [signedIn, loadTicket]);

  // Back from a staff action form: the ticket has moved on.
  useShownAgain(() => {
    if (signedIn) {
      void loadTicket();
    }
  });

  if (!signedIn) {
    return <View className="page" />;
  }
  if (load.state !== 'ready') {
    return <LoadStatusPage load={load} onReload={() => void loadTicket()} />;
  }

  const { ticket } = load;
  const onAction = (action: HazardAction) => {
    if (ASSIGNEE_ACTIONS.includes(action)) {
      setSheet(action);
    } else {
      Taro.navigateTo({ url: actionFormUrl(ticket.id, action) }).catch(() => undefined);
    }
  };

  return (
    <View className="page hazard-detail">
      <TicketView ticket={ticket} onAction={onAction} />
      {sheet ? (
        <AssigneeSheet
          ticket={ticket}
          action={sheet}
          onClose={() => setSheet(null)}
          onDone={(updated) => {
            setSheet(null);
            setLoad({ state: 'ready', ticket: updated });
          }}
        />
      ) : null}
    </View>
  );
}
