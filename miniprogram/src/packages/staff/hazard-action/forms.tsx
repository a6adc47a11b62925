import {
  HAZARD_ACTION_LABELS,
  HAZARD_CATEGORY_LABELS,
  HAZARD_GRADE_LABELS,
  HAZARD_NOTE_MAX_LENGTH,
  HazardAction,
  HazardCategory,
  HazardGrade,
  HazardPhotoKind,
  HazardState,
  type HazardTicketDetail,
  type HazardTicketSummary,
  INDUSTRY_LABELS,
  Industry,
  THREE_VIOLATIONS,
} from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../../../api';
import { Choice, DateField, FieldInput, FieldTextarea, StatusBlock } from '../../../components';
import { FixFields, type FixValues, StateBadge, TicketPhotos } from '../../../components/hazards';
import { ListFooter } from '../../../components/list-footer';
import {
  type AssignmentForm,
  authorityReportRequest,
  chinaToday,
  type FormErrors,
  listHazards,
  performHazardAction,
  reassignRequest,
  type TriageForm,
  triageRequest,
  uploadFixPhotos,
  validateAuthorityReport,
  validateFix,
  validateNote,
  validateReason,
  validateReassign,
  validateTriage,
} from '../../../features/hazards';
import { usePagedList } from '../../../hooks/use-paged-list';
import { PersonPicker } from '../components/person-picker';

export interface ActionFormProps {
  ticket: HazardTicketDetail;
  onDone: (updated: HazardTicketDetail) => void;
}

const GRADES = Object.values(HazardGrade);
const CATEGORIES = Object.values(HazardCategory);
const INDUSTRIES = Object.values(Industry);

/** Sends one action, keeping the Chinese reason of a failure for the form. */
function useSend(onDone: (updated: HazardTicketDetail) => void) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const send = async (request: () => Promise<HazardTicketDetail>) => {
    if (busy) {
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onDone(await request());
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, send };
}

function Footer({
  busy,
  failure,
  confirmText,
  onConfirm,
}: {
  busy: boolean;
  failure: string | null;
  confirmText: string;
  onConfirm: () => void;
}) {
  return (
    <View className="action-form__footer">
      {failure ? (
        <Text className="form-failure" id="action-failure">
          {failure}
        </Text>
      ) : null}
      <Button id="action-confirm" type="primary" size="large" block loading={busy} onClick={onConfirm}>
        {confirmText}
      </Button>
    </View>
  );
}

function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <View className="form-field">
      <Text className="form-field__label">{label}</Text>
      {hint ? <Text className="muted form-field__hint">{hint}</Text> : null}
      {children}
      {error ? <Text className="form-field__error">{error}</Text> : null}
    </View>
  );
}

function TextArea({
  id,
  value,
  placeholder,
  onChange,
}: {
  id: string;
  value: string;
  placeholder: string;
  onChange: (value: string) => void;
}) {
  return (
    <FieldTextarea
      id={id}
      className="form-field__textarea"
      value={value}
      placeholder={placeholder}
      maxlength={HAZARD_NOTE_MAX_LENGTH}
      onInput={(event) => onChange(event.detail.value)}
    />
  );
}

/** The 五定 fields (`#<prefix>-responsible`, `-measures`, `-funding`, `-deadline`, `-contingency`). */
function AssignmentFields({
  prefix,
  enterpriseId,
  form,
  errors,
  major,
  onChange,
}: {
  prefix: string;
  enterpriseId: string;
  form: AssignmentForm;
  errors: FormErrors<string>;
  major: boolean;
  onChange: (change: Partial<AssignmentForm>) => void;
}) {
  return (
    <>
      <Field label="责任人" hint="负责整改的人：本企业的职工或安全员。" error={errors.responsible}>
        <PersonPicker
          id={`${prefix}-responsible`}
          enterpriseId={enterpriseId}
          value={form.responsible}
          onChange={(responsible) => onChange({ responsible })}
        />
      </Field>
      <Field label="整改措施" error={errors.measures}>
        <TextArea
          id={`${prefix}-measures`}
          value={form.measures}
          placeholder="怎么整改，如：停用并更换防护罩"
          onChange={(measures) => onChange({ measures })}
        />
      </Field>
      <Field label="整改资金（选填）" error={errors.funding}>
        <FieldInput
          id={`${prefix}-funding`}
          className="form-field__input"
          value={form.funding}
          placeholder="如：2000 元，企业安全生产费列支"
          maxlength={HAZARD_NOTE_MAX_LENGTH}
          onInput={(event) => onChange({ funding: event.detail.value })}
        />
      </Field>
      <Field label="整改期限" hint="最后一天（北京时间），不能早于今天。" error={errors.deadline}>
        <DateField
          id={`${prefix}-deadline`}
          value={form.deadline}
          start={chinaToday()}
          onChange={(deadline) => onChange({ deadline })}
        />
      </Field>
      <Field label={major ? '应急预案（重大隐患必填）' : '应急预案（选填）'} error={errors.contingencyPlan}>
        <TextArea
          id={`${prefix}-contingency`}
          value={form.contingencyPlan}
          placeholder="整改完成前发生险情怎么处置"
          onChange={(contingencyPlan) => onChange({ contingencyPlan })}
        />
      </Field>
    </>
  );
}

/** 研判交办: grade, category, industry, then the 五定. */
export function TriageActionForm({ ticket, onDone }: ActionFormProps) {
  const [form, setForm] = useState<TriageForm>({
    grade: null,
    category: ticket.category,
    industry: ticket.industry,
    responsible: null,
    measures: '',
    funding: '',
    deadline: '',
    contingencyPlan: '',
  });
  const [errors, setErrors] = useState<FormErrors<string>>({});
  const { busy, failure, send } = useSend(onDone);
  const change = (next: Partial<TriageForm>) => setForm((current) => ({ ...current, ...next }));

  const confirm = () => {
    const found = validateTriage(form, chinaToday());
    setErrors(found);
    if (Object.keys(found).length === 0) {
      void send(() => performHazardAction(ticket.id, HazardAction.Triage, triageRequest(form)));
    }
  };

  return (
    <>
      <Field label="隐患等级" error={errors.grade}>
        <Choice
          id="triage-grade"
          options={GRADES}
          labels={HAZARD_GRADE_LABELS}
          value={form.grade}
          onChange={(grade) => change({ grade })}
        />
        {form.grade === HazardGrade.Major ? (
          <Text className="action-form__warning" id="triage-major-warning">
            重大隐患会立即通知上级工会督办，须填写应急预案。
          </Text>
        ) : null}
      </Field>
      <Field label="隐患类别">
        <Choice
          id="triage-category"
          options={CATEGORIES}
          labels={HAZARD_CATEGORY_LABELS}
          value={form.category}
          onChange={(category) => change({ category })}
          extra={(option) => (THREE_VIOLATIONS.includes(option) ? <Text className="option__tag">三违</Text> : null)}
        />
      </Field>
      <Field label="所属行业">
        <Choice
          id="triage-industry"
          options={INDUSTRIES}
          labels={INDUSTRY_LABELS}
          value={form.industry}
          onChange={(industry) => change({ industry })}
        />
      </Field>
      <AssignmentFields
        prefix="triage"
        enterpriseId={ticket.enterprise.id}
        form={form}
        errors={errors}
        major={form.grade === HazardGrade.Major}
        onChange={change}
      />
      <Footer busy={busy} failure={failure} confirmText="交办" onConfirm={confirm} />
    </>
  );
}

/** 重新交办: another responsible person or new 五定, starting from the current ones. */
export function ReassignActionForm({ ticket, onDone }: ActionFormProps) {
  const today = chinaToday();
  const current = ticket.assignment;
  const [form, setForm] = useState<AssignmentForm & { note: string }>({
    responsible: current?.responsible ?? null,
    measures: current?.measures ?? '',
    funding: current?.funding ?? '',
    deadline: current && current.deadline >= today ? current.deadline : '',
    contingencyPlan: current?.contingencyPlan ?? '',
    note: '',
  });
  const [errors, setErrors] = useState<FormErrors<string>>({});
  const { busy, failure, send } = useSend(onDone);

  const confirm = () => {
    const found = validateReassign(form, ticket.grade, today);
    setErrors(found);
    if (Object.keys(found).length === 0) {
      void send(() => performHazardAction(ticket.id, HazardAction.Reassign, reassignRequest(form)));
    }
  };

  return (
    <>
      <AssignmentFields
        prefix="reassign"
        enterpriseId={ticket.enterprise.id}
        form={form}
        errors={errors}
        major={ticket.grade === HazardGrade.Major}
        onChange={(change) => setForm((previous) => ({ ...previous, ...change }))}
      />
      <Field label="说明（选填）" error={errors.note}>
        <TextArea
          id="reassign-note"
          value={form.note}
          placeholder="为什么重新交办"
          onChange={(note) => setForm((previous) => ({ ...previous, note }))}
        />
      </Field>
      <Footer busy={busy} failure={failure} confirmText="重新交办" onConfirm={confirm} />
    </>
  );
}

const REASON_FORMS = {
  [HazardAction.Reject]: {
    id: 'reject-reason',
    label: '不予受理的原因',
    placeholder: '如：不属于安全隐患，已向上报人说明',
  },
  [HazardAction.Fail]: { id: 'fail-reason', label: '验收不通过的原因', placeholder: '哪里没有整改到位' },
  [HazardAction.Reopen]: { id: 'reopen-reason', label: '重新打开的原因', placeholder: '如：复查发现隐患仍然存在' },
} as const;

type ReasonAction = keyof typeof REASON_FORMS;

/** 不予受理 / 验收不通过 / 重新打开: a reason is required. */
export function ReasonActionForm({ ticket, onDone, action }: ActionFormProps & { action: ReasonAction }) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors<'reason'>>({});
  const { busy, failure, send } = useSend(onDone);
  const form = REASON_FORMS[action];

  const confirm = () => {
    const found = validateReason(reason, '原因');
    setErrors(found);
    if (Object.keys(found).length === 0) {
      void send(() => performHazardAction(ticket.id, action, { reason: reason.trim() }));
    }
  };

  return (
    <>
      <Field label={form.label} error={errors.reason}>
        <TextArea id={form.id} value={reason} placeholder={form.placeholder} onChange={setReason} />
      </Field>
      <Footer busy={busy} failure={failure} confirmText={HAZARD_ACTION_LABELS[action]} onConfirm={confirm} />
    </>
  );
}

type NoteAction = HazardAction.Pass | HazardAction.ApproveExtension | HazardAction.DenyExtension;

/** 验收通过 / 同意延期 / 不同意延期: an optional note. */
export function NoteActionForm({ ticket, onDone, action }: ActionFormProps & { action: NoteAction }) {
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors<'note'>>({});
  const { busy, failure, send } = useSend(onDone);
  const id = action === HazardAction.Pass ? 'verify-note' : 'extension-note';

  const confirm = () => {
    const found = validateNote(note);
    setErrors(found);
    if (Object.keys(found).length === 0) {
      const text = note.trim();
      void send(() => performHazardAction(ticket.id, action, text ? { note: text } : {}));
    }
  };

  return (
    <>
      {action !== HazardAction.Pass && ticket.pendingExtension ? (
        <View className="card action-form__context" id="pending-extension">
          <Text className="form-field__label">延期申请</Text>
          <Text>
            期限从 {ticket.assignment?.deadline ?? ticket.deadline ?? '—'} 延到 {ticket.pendingExtension.deadline}
          </Text>
          <Text className="muted">理由：{ticket.pendingExtension.reason}</Text>
        </View>
      ) : null}
      <Field label="说明（选填）" error={errors.note}>
        <TextArea
          id={id}
          value={note}
          placeholder={action === HazardAction.Pass ? '验收情况' : '给责任人的说明'}
          onChange={setNote}
        />
      </Field>
      <Footer busy={busy} failure={failure} confirmText={HAZARD_ACTION_LABELS[action]} onConfirm={confirm} />
    </>
  );
}

/** 立查立改: fixed on the spot, with after-photos; goes straight to verification. */
export function FixOnTheSpotActionForm({ ticket, onDone }: ActionFormProps) {
  const [fix, setFix] = useState<FixValues>({ note: '', photos: [] });
  const [grade, setGrade] = useState<HazardGrade>(HazardGrade.General);
  const [errors, setErrors] = useState<FormErrors<string>>({});
  const { busy, failure, send } = useSend(onDone);

  const confirm = () => {
    const found = validateFix(fix);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    void send(async () => {
      const photoIds = await uploadFixPhotos(fix.photos, (clientKey, photoId) =>
        setFix((current) => ({
          ...current,
          photos: current.photos.map((photo) => (photo.clientKey === clientKey ? { ...photo, photoId } : photo)),
        })),
      );
      return performHazardAction(ticket.id, HazardAction.FixOnTheSpot, { note: fix.note.trim(), photoIds, grade });
    });
  };

  return (
    <>
      <Text className="muted action-form__intro">现场已经整改好的隐患：上传整改后照片，提交后由他人验收。</Text>
      <Field label="隐患等级">
        <Choice id="fix-grade" options={GRADES} labels={HAZARD_GRADE_LABELS} value={grade} onChange={setGrade} />
      </Field>
      <FixFields values={fix} errors={errors} onChange={setFix} disabled={busy} />
      <Footer busy={busy} failure={failure} confirmText="提交验收" onConfirm={confirm} />
    </>
  );
}

/** Tickets another may repeat: same enterprise, not this one, not rejected or merged itself. */
function mergeable(ticket: HazardTicketDetail, candidate: HazardTicketSummary): boolean {
  return (
    candidate.id !== ticket.id &&
    candidate.enterprise.id === ticket.enterprise.id &&
    candidate.state !== HazardState.Rejected &&
    candidate.state !== HazardState.Duplicate
  );
}

/** 合并重复: pick the ticket this one repeats, from the enterprise's tickets. */
export function MergeActionForm({ ticket, onDone }: ActionFormProps) {
  const [target, setTarget] = useState<HazardTicketSummary | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors<'target' | 'note'>>({});
  const { busy, failure, send } = useSend(onDone);
  // Repeats are nearly always reported at the same place; the whole enterprise is one tap away.
  const [wholeEnterprise, setWholeEnterprise] = useState(false);
  const candidates = usePagedList<HazardTicketSummary>(`merge:${ticket.id}:${wholeEnterprise}`, (cursor) =>
    listHazards({ view: 'all', ...(wholeEnterprise ? {} : { workplaceId: ticket.workplace.id }), cursor }),
  );
  const shown = candidates.items.filter((candidate) => mergeable(ticket, candidate));

  const confirm = () => {
    const found: FormErrors<'target' | 'note'> = {
      ...(target ? {} : { target: '请选择它重复的那条隐患' }),
      ...validateNote(note),
    };
    setErrors(found);
    if (target && Object.keys(found).length === 0) {
      const text = note.trim();
      void send(() =>
        performHazardAction(ticket.id, HazardAction.Merge, {
          duplicateOfTicketId: target.id,
          ...(text ? { note: text } : {}),
        }),
      );
    }
  };

  return (
    <>
      <Field
        label="与哪条隐患重复"
        hint={`${wholeEnterprise ? ticket.enterprise.name : ticket.workplace.name}的其他隐患，最新的在前。`}
        error={errors.target}
      >
        <Choice
          id="merge-scope"
          options={['workplace', 'enterprise'] as const}
          labels={{ workplace: '同一场所', enterprise: '全企业' }}
          value={wholeEnterprise ? 'enterprise' : 'workplace'}
          onChange={(scope) => setWholeEnterprise(scope === 'enterprise')}
        />
        {candidates.state === 'loading' ? <Text className="muted">正在加载…</Text> : null}
        {candidates.state === 'failed' ? (
          <StatusBlock text={candidates.message} actionText="重试" onAction={() => void candidates.reload()} />
        ) : null}
        {shown.map((candidate) => (
          <View
            key={candidate.id}
            id={`merge-target-${candidate.id}`}
            className={`list-row merge-target${target?.id === candidate.id ? ' merge-target--chosen' : ''}`}
            onClick={() => setTarget(candidate)}
          >
            <View className="list-row__main">
              <Text className="list-row__title">{candidate.code}</Text>
              <Text className="list-row__meta">
                {candidate.workplace.name} · {candidate.description}
              </Text>
            </View>
            <StateBadge state={candidate.state} />
            <Text className="list-row__go">{target?.id === candidate.id ? '✓' : ''}</Text>
          </View>
        ))}
        {candidates.state === 'ready' && shown.length === 0 && !candidates.hasMore ? (
          <Text className="muted">本企业没有可以合并的其他隐患。</Text>
        ) : null}
        {shown.length > 0 || candidates.hasMore ? <ListFooter list={candidates} emptyText="" /> : null}
      </Field>
      <Field label="说明（选填）" error={errors.note}>
        <TextArea id="merge-note" value={note} placeholder="如：同一处护栏缺失" onChange={setNote} />
      </Field>
      <Footer busy={busy} failure={failure} confirmText="合并" onConfirm={confirm} />
    </>
  );
}

/** 报送主管部门 (重大隐患): which department, on which day, the reference. */
export function AuthorityReportActionForm({ ticket, onDone }: ActionFormProps) {
  const today = chinaToday();
  const [form, setForm] = useState({ department: '', reportedOn: today, reference: '' });
  const [errors, setErrors] = useState<FormErrors<string>>({});
  const { busy, failure, send } = useSend(onDone);

  const confirm = () => {
    const found = validateAuthorityReport(form, today);
    setErrors(found);
    if (Object.keys(found).length === 0) {
      void send(() => performHazardAction(ticket.id, HazardAction.ReportToAuthority, authorityReportRequest(form)));
    }
  };

  return (
    <>
      <Field label="主管部门" error={errors.department}>
        <FieldInput
          id="authority-department"
          className="form-field__input"
          value={form.department}
          placeholder="如：县应急管理局"
          maxlength={HAZARD_NOTE_MAX_LENGTH}
          onInput={(event) => setForm((current) => ({ ...current, department: event.detail.value }))}
        />
      </Field>
      <Field label="报送日期" error={errors.reportedOn}>
        <DateField
          id="authority-date"
          value={form.reportedOn}
          end={today}
          onChange={(reportedOn) => setForm((current) => ({ ...current, reportedOn }))}
        />
      </Field>
      <Field label="文号（选填）" error={errors.reference}>
        <FieldInput
          id="authority-reference"
          className="form-field__input"
          value={form.reference}
          placeholder="如：互工〔2026〕12 号"
          maxlength={HAZARD_NOTE_MAX_LENGTH}
          onInput={(event) => setForm((current) => ({ ...current, reference: event.detail.value }))}
        />
      </Field>
      <Footer busy={busy} failure={failure} confirmText="记录报送" onConfirm={confirm} />
    </>
  );
}

/** What the verifier looks at: the after-photos and the latest fix note. */
export function FixEvidence({ ticket }: { ticket: HazardTicketDetail }) {
  const photos = ticket.photos.filter((photo) => photo.kind === HazardPhotoKind.Fix);
  const fix = [...ticket.events]
    .reverse()
    .find((event) => event.action === HazardAction.SubmitFix || event.action === HazardAction.FixOnTheSpot);
  if (photos.length === 0 && !fix?.note) {
    return null;
  }
  return (
    <View className="card action-form__context" id="fix-evidence">
      <Text className="form-field__label">整改情况</Text>
      {fix?.note ? <Text className="action-form__note">{fix.note}</Text> : null}
      <TicketPhotos id="fix-evidence-photos" photos={photos} />
    </View>
  );
}
