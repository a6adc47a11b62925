import {
  CommonErrorCode,
  INDUSTRY_LABELS,
  Industry,
  NOTICE_BODY_MAX_LENGTH,
  NOTICE_KIND_LABELS,
  NOTICE_STATE_LABELS,
  NOTICE_TITLE_MAX_LENGTH,
  type NoticeDetail,
  NoticeKind,
  NoticeState,
  type OrgUnitReference,
  Permission,
  ROLE_LABELS,
  roleHasPermission,
  WORKER_GROUP_LABELS,
  WorkerGroup,
} from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage, isApiError, newClientKey, toastError, toastSuccess } from '../../../api';
import { Choice, DateField, FieldInput, FieldTextarea, LoadStatusPage, StatusBlock } from '../../../components';
import { Sheet } from '../../../components/hazards/sheet';
import { useMe } from '../../../features/auth';
import {
  audienceOf,
  composeRequestOf,
  countAudience,
  createNotice,
  createRequestOf,
  emptyNoticeForm,
  fetchNotice,
  NOTICE_AUDIENCE_ROLES,
  type NoticeForm,
  type NoticeFormErrors,
  noticeFormOf,
  noticeReceiptsUrl,
  publishAtOf,
  publishNotice,
  serverNoticeErrors,
  updateNotice,
  validateNotice,
} from '../../../features/notices';
import { chinaDateTime } from '../../../utils/china-time-format';
import { FieldError } from '../components/field-error';
import { MultiChoice } from '../components/multi-choice';
import { useFormCheck } from '../components/use-form-check';
import { useRecordEditor } from '../components/use-record-editor';
import { ScopePicker } from './scope-picker';
import { TimeField } from './time-field';
import './index.scss';

const KINDS = Object.values(NoticeKind);
const INDUSTRIES = Object.values(Industry);
const WORKER_GROUPS = Object.values(WorkerGroup);
type Timing = 'now' | 'scheduled';
const TIMINGS: readonly Timing[] = ['now', 'scheduled'];
const TIMING_LABELS: Record<Timing, string> = { now: '发布后立即送达', scheduled: '定时发布' };
/** Waits for typing to pause before counting the audience again. */
const AUDIENCE_COUNT_DELAY_MS = 300;

type Busy = 'save' | 'publish' | null;
type AudienceCount =
  | { state: 'idle' }
  | { state: 'counting' }
  | { state: 'ready'; recipients: number }
  | { state: 'failed'; message: string };

/** The live 预计送达 count of the audience being composed. */
function useAudienceCount(form: NoticeForm, enabled: boolean): AudienceCount {
  const audience = audienceOf(form);
  const key = audience ? JSON.stringify(audience) : '';
  const [count, setCount] = useState<AudienceCount>({ state: 'idle' });
  useEffect(() => {
    if (!enabled || !key) {
      setCount({ state: 'idle' });
      return;
    }
    let current = true;
    setCount({ state: 'counting' });
    const timer = setTimeout(() => {
      countAudience(JSON.parse(key)).then(
        (recipients) => current && setCount({ state: 'ready', recipients }),
        (error: unknown) => current && setCount({ state: 'failed', message: errorMessage(error) }),
      );
    }, AUDIENCE_COUNT_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, enabled]);
  return count;
}

/**
 * 编辑通知 (`?id=`; none: a new notice). Title, kind, body (plain text paragraphs), scope within
 * the author's, narrowed by industries, worker groups and roles, 需要阅知, publish time; the
 * audience counted live. 保存草稿, and 发布 after a confirmation, then on to the receipts.
 */
export default function NoticeEditPage() {
  const { signedIn, load: meLoad } = useMe();
  const {
    recordId: noticeId,
    load,
    detail,
    form,
    setForm,
    dirty,
    show,
    reload: loadNotice,
  } = useRecordEditor<NoticeDetail, NoticeForm>({
    signedIn,
    emptyForm: emptyNoticeForm,
    formOf: noticeFormOf,
    fetchRecord: fetchNotice,
  });
  const { errors, setErrors, failure, setFailure, check, recheck } = useFormCheck(
    (next: NoticeForm): NoticeFormErrors => validateNotice(next),
  );
  const [busy, setBusy] = useState<Busy>(null);
  const [confirming, setConfirming] = useState<NoticeDetail | null>(null);
  // One new notice, one key: a retried 保存 answers with the same draft.
  const clientKey = useRef(newClientKey());

  const roots = useMemo<OrgUnitReference[]>(() => {
    if (meLoad.state !== 'ready') {
      return [];
    }
    const nodes: OrgUnitReference[] = [];
    for (const grant of meLoad.me.roles) {
      if (
        roleHasPermission(grant.role, Permission.NoticeManage) &&
        !nodes.some((node) => node.id === grant.orgUnitId)
      ) {
        nodes.push({ id: grant.orgUnitId, name: grant.orgUnitName, kind: grant.orgUnitKind });
      }
    }
    return nodes;
  }, [meLoad]);

  const creating = !noticeId;
  const state = detail?.state ?? NoticeState.Draft;
  const editable = state === NoticeState.Draft || state === NoticeState.Scheduled;
  const audienceCount = useAudienceCount(form, signedIn && editable);

  // A new notice goes to the author's own node unless they choose another.
  useEffect(() => {
    if (creating && form.scope === null && roots.length > 0) {
      const scope = roots[0];
      setForm((current) => ({ ...current, scope }));
    }
  }, [creating, roots, form.scope, setForm]);

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: creating ? '发布通知' : '编辑通知' }).catch(() => undefined);
  }, [creating]);

  const update = (change: Partial<NoticeForm>) => {
    if (!editable) {
      return;
    }
    const next = { ...form, ...change };
    setForm(next);
    recheck(next);
  };

  const failed = (error: unknown) => {
    if (isApiError(error) && error.code === CommonErrorCode.ValidationFailed) {
      setErrors(serverNoticeErrors(error.details));
    }
    setFailure(errorMessage(error));
    toastError(error);
  };

  /** Sends the form: the draft created (with the page's client key) or updated. */
  const store = async (): Promise<NoticeDetail> => {
    const notice = noticeId
      ? await updateNotice(noticeId, composeRequestOf(form))
      : await createNotice(createRequestOf(form, clientKey.current));
    show(notice);
    return notice;
  };

  const save = async () => {
    if (busy || !check(form)) {
      return;
    }
    setBusy('save');
    try {
      await store();
      toastSuccess('已保存');
    } catch (error) {
      failed(error);
    } finally {
      setBusy(null);
    }
  };

  /** 发布: saved first when changed, then confirmed in the sheet. */
  const askToPublish = async () => {
    if (busy || !check(form)) {
      return;
    }
    if (!dirty && detail) {
      setConfirming(detail);
      return;
    }
    setBusy('save');
    try {
      setConfirming(await store());
    } catch (error) {
      failed(error);
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    if (!confirming || busy) {
      return;
    }
    setBusy('publish');
    setFailure(null);
    try {
      const notice = await publishNotice(confirming.id);
      setConfirming(null);
      toastSuccess(notice.state === NoticeState.Scheduled ? '已设定定时发布' : '已发布');
      await Taro.redirectTo({ url: noticeReceiptsUrl(notice.id) }).catch(() => undefined);
    } catch (error) {
      setConfirming(null);
      failed(error);
    } finally {
      setBusy(null);
    }
  };

  if (!signedIn) {
    return <View className="page" />;
  }
  if (load.state !== 'ready') {
    return <LoadStatusPage load={load} onReload={() => void loadNotice()} loadingText="正在加载通知…" />;
  }
  if (meLoad.state === 'ready' && roots.length === 0) {
    return (
      <View className="page">
        <StatusBlock text="安全通知由企业安全员和工会干部发布，您没有可以发布通知的单位。" />
      </View>
    );
  }

  const publishAt = publishAtOf(form);
  const recipientsText =
    audienceCount.state === 'ready' ? String(audienceCount.recipients) : audienceCount.state === 'counting' ? '…' : '—';

  return (
    <View className="page staff-wide notice-editor">
      {detail ? (
        <View className={`card notice-editor__status notice-editor__status--${state}`} id="notice-status">
          <Text className="notice-editor__status-text">
            {NOTICE_STATE_LABELS[state]} · {detail.scope.name}
          </Text>
          <Text className="muted">
            {state === NoticeState.Draft
              ? '草稿只有管理人员能看到，发布后职工才会收到。'
              : state === NoticeState.Scheduled && detail.publishAt
                ? `将于 ${chinaDateTime(detail.publishAt)} 自动发布，之前仍可修改。`
                : '已发布或已撤回的通知不能修改。'}
          </Text>
          {editable ? null : (
            <Button
              id="notice-open-receipts"
              size="large"
              block
              onClick={() => void Taro.redirectTo({ url: noticeReceiptsUrl(detail.id) }).catch(() => undefined)}
            >
              查看阅知情况
            </Button>
          )}
        </View>
      ) : null}

      <View className="card">
        <Text className="card__title">通知内容</Text>
        <View className="form-field">
          <View className="notice-editor__label-line">
            <Text className="form-field__label">标题</Text>
            <Text className="muted" id="notice-title-count">
              {[...form.title.trim()].length}/{NOTICE_TITLE_MAX_LENGTH}
            </Text>
          </View>
          <FieldInput
            id="notice-title"
            className="form-field__input"
            value={form.title}
            placeholder="如：关于做好冬季安全生产工作的通知"
            // Room to paste a longer title and be told, rather than have it cut silently.
            maxlength={NOTICE_TITLE_MAX_LENGTH + 20}
            disabled={!editable}
            onInput={(event) => update({ title: event.detail.value })}
          />
          <FieldError errors={errors} field="title" id="notice-title-error" />
        </View>

        <View className="form-field">
          <Text className="form-field__label">类型</Text>
          <Choice
            id="notice-kind"
            options={KINDS}
            labels={NOTICE_KIND_LABELS}
            value={form.kind}
            onChange={(kind) => update({ kind })}
          />
          <FieldError errors={errors} field="kind" id="notice-kind-error" />
        </View>

        <View className="form-field">
          <Text className="form-field__label">正文</Text>
          <Text className="muted form-field__hint">空一行分段；职工在手机上阅读，请简明扼要。</Text>
          <FieldTextarea
            id="notice-body"
            className="form-field__textarea notice-editor__body"
            value={form.bodyText}
            placeholder="通知正文"
            maxlength={NOTICE_BODY_MAX_LENGTH}
            disabled={!editable}
            onInput={(event) => update({ bodyText: event.detail.value })}
          />
          <FieldError errors={errors} field="bodyHtml" id="notice-bodyHtml-error" />
        </View>
      </View>

      <View className="card">
        <Text className="card__title">发送对象</Text>
        <View className="form-field">
          <Text className="form-field__label">发布范围</Text>
          <Text className="muted form-field__hint">所选单位及其全部下级单位的人员。</Text>
          {form.scope ? (
            <Text className="notice-editor__chosen" id="notice-scope-chosen">
              已选：{form.scope.name}
            </Text>
          ) : null}
          <ScopePicker roots={roots} value={form.scope} onChange={(scope) => update({ scope })} disabled={!editable} />
          <FieldError errors={errors} field="scopeOrgUnitId" id="notice-scopeOrgUnitId-error" />
        </View>
        <View className="form-field">
          <Text className="form-field__label">行业</Text>
          <Text className="muted form-field__hint">不选即所有行业；选了则只送达这些行业企业的人员。</Text>
          <MultiChoice
            id="notice-industry"
            options={INDUSTRIES}
            labels={INDUSTRY_LABELS}
            value={form.industries}
            disabled={!editable}
            onChange={(industries) => update({ industries })}
          />
        </View>
        <View className="form-field">
          <Text className="form-field__label">重点人群</Text>
          <Text className="muted form-field__hint">不选即全体职工；选了则只送达这些人群的职工。</Text>
          <MultiChoice
            id="notice-group"
            options={WORKER_GROUPS}
            labels={WORKER_GROUP_LABELS}
            value={form.workerGroups}
            disabled={!editable}
            onChange={(workerGroups) => update({ workerGroups })}
          />
        </View>
        <View className="form-field">
          <Text className="form-field__label">角色</Text>
          <Text className="muted form-field__hint">不选即职工、企业安全员和工会干部都会收到。</Text>
          <MultiChoice
            id="notice-role"
            options={NOTICE_AUDIENCE_ROLES}
            labels={ROLE_LABELS}
            value={form.roles}
            disabled={!editable}
            onChange={(roles) => update({ roles })}
          />
        </View>
        <View className="notice-editor__audience" id="notice-audience">
          <Text>预计送达 </Text>
          <Text className="notice-editor__audience-count" id="notice-audience-count">
            {recipientsText}
          </Text>
          <Text> 人</Text>
          {audienceCount.state === 'failed' ? (
            <Text className="muted notice-editor__audience-failure"> （{audienceCount.message}）</Text>
          ) : null}
        </View>
      </View>

      <View className="card">
        <Text className="card__title">发布设置</Text>
        <View
          className={`notice-editor__switch${form.acknowledgementRequired ? ' notice-editor__switch--on' : ''}`}
          id="notice-ack-required"
          role="switch"
          aria-checked={form.acknowledgementRequired}
          onClick={() => update({ acknowledgementRequired: !form.acknowledgementRequired })}
        >
          <View className="notice-editor__switch-text">
            <Text className="form-field__label">要求确认阅知</Text>
            <Text className="muted">收到的人需点「我已阅知」，可统计阅知率并催办。</Text>
          </View>
          <View className="notice-editor__switch-track">
            <View className="notice-editor__switch-knob" />
          </View>
        </View>
        <View className="form-field notice-editor__timing">
          <Text className="form-field__label">发布时间</Text>
          <Choice
            id="notice-timing"
            options={TIMINGS}
            labels={TIMING_LABELS}
            value={form.scheduled ? 'scheduled' : 'now'}
            onChange={(timing) => update({ scheduled: timing === 'scheduled' })}
          />
          {form.scheduled ? (
            <View className="notice-editor__when">
              <View className="notice-editor__when-part">
                <DateField
                  id="notice-publish-date"
                  value={form.publishDate}
                  onChange={(publishDate) => update({ publishDate })}
                />
              </View>
              <View className="notice-editor__when-part">
                <TimeField
                  id="notice-publish-time"
                  value={form.publishTime}
                  onChange={(publishTime) => update({ publishTime })}
                />
              </View>
            </View>
          ) : null}
          <FieldError errors={errors} field="publishAt" id="notice-publishAt-error" />
        </View>
      </View>

      {failure ? (
        <Text className="form-failure notice-editor__failure" id="notice-failure">
          {failure}
        </Text>
      ) : null}
      {editable ? (
        <View className="notice-editor__actions">
          <Button id="notice-save" size="large" loading={busy === 'save'} onClick={() => void save()}>
            {state === NoticeState.Draft ? '保存草稿' : '保存修改'}
          </Button>
          {state === NoticeState.Draft ? (
            <Button
              id="notice-publish"
              type="primary"
              size="large"
              loading={busy === 'publish'}
              onClick={() => void askToPublish()}
            >
              发布
            </Button>
          ) : null}
        </View>
      ) : null}
      {dirty && editable ? <Text className="muted notice-editor__dirty">有未保存的修改</Text> : null}

      {confirming ? (
        <Sheet
          title={publishAt ? '定时发布通知' : '发布通知'}
          confirmText={publishAt ? '定时发布' : '发布'}
          busy={busy === 'publish'}
          onConfirm={() => void publish()}
          onClose={() => setConfirming(null)}
        >
          <Text className="notice-editor__confirm" id="notice-confirm-text">
            {publishAt ? `将于 ${chinaDateTime(publishAt)} ` : '立即'}向「{confirming.scope.name}」
            {audienceCount.state === 'ready' ? `约 ${audienceCount.recipients} 人` : ''}发布「{confirming.title}」。
            {confirming.acknowledgementRequired ? '收到的人需要确认阅知。' : ''}
            发布后不能修改，只能撤回。
          </Text>
        </Sheet>
      ) : null}
    </View>
  );
}
