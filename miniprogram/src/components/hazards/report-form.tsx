import {
  HAZARD_CATEGORY_LABELS,
  HAZARD_DESCRIPTION_MAX_LENGTH,
  HAZARD_LOCATION_NOTE_MAX_LENGTH,
  HazardCategory,
  REPORTER_VISIBILITY_LABELS,
  ReporterVisibility,
  type ReportHazardResponse,
  THREE_VIOLATIONS,
} from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { errorMessage, isApiError, isWeapp, newClientKey, sessionUserId, toastError } from '../../api';
import {
  characterCount,
  type DraftPhoto,
  isOffline,
  queueReport,
  type ReportDraft,
  type ReportErrors,
  type ReportWorkplace,
  releasePhoto,
  sendReport,
  validateReport,
} from '../../features/hazards';
import { askForSubscriptions, useSubscriptionTemplates } from '../../features/wechat-subscriptions';
import { stateLabel } from '../../utils/hazard-labels';
import { followPageUrl, MY_REPORTS_URL, ticketPageUrl } from '../../utils/hazard-pages';
import { Choice } from '../choice';
import { FieldInput, FieldTextarea } from '../field';
import { PhotoPicker } from './photo-picker';
import { WorkplaceChooser } from './workplace-chooser';
import './hazards.scss';

const CATEGORIES = Object.values(HazardCategory);
const VISIBILITIES = Object.values(ReporterVisibility);

/** One line each on what the choice means for the reporter. */
export const VISIBILITY_EXPLANATIONS: Record<ReporterVisibility, string> = {
  [ReporterVisibility.Named]: '处理人员能看到您的姓名，便于联系核实。',
  [ReporterVisibility.HiddenFromEnterprise]: '企业的安全员和整改人看不到您的姓名，上级工会可以看到。',
  [ReporterVisibility.Anonymous]: '不记录上报人，谁都看不到；凭本机保存的凭证查看进度。',
};

type Outcome = { kind: 'sent'; response: ReportHazardResponse; anonymous: boolean } | { kind: 'queued' };

function goTo(url: string): void {
  Taro.navigateTo({ url }).catch(() => undefined);
}

function Done({ outcome, onAgain }: { outcome: Outcome; onAgain: () => void }) {
  const templateIds = useSubscriptionTemplates(outcome.kind === 'sent');
  if (outcome.kind === 'queued') {
    return (
      <View className="card report-done report-done--queued" id="report-queued">
        <Text className="report-done__title">已保存，待发送</Text>
        <Text className="report-done__text">
          现在没有网络，上报连同照片已保存在手机上。网络恢复后会自动发送，不会重复生成工单；可在「我的上报」查看。
        </Text>
        <Button id="report-my-reports" size="large" block onClick={() => goTo(MY_REPORTS_URL)}>
          我的上报
        </Button>
        <View className="report-done__gap" />
        <Button id="report-again" type="primary" size="large" block onClick={onAgain}>
          再报一条
        </Button>
      </View>
    );
  }
  const { ticket } = outcome.response;
  return (
    <View className="card report-done" id="report-done">
      <Text className="report-done__title">上报成功</Text>
      <Text className="report-done__code" id="report-done-code">
        {ticket.code}
      </Text>
      <Text className="report-done__text">
        {outcome.anonymous
          ? `当前状态：${stateLabel(ticket.state)}。匿名上报不记录您的身份，查看进度的凭证已保存在本机「我的上报」中。`
          : `当前状态：${stateLabel(ticket.state)}。企业安全员研判后会指定责任人整改，进度可在「我的上报」查看。`}
      </Text>
      {isWeapp() && templateIds.length > 0 ? (
        <>
          <Button id="report-subscribe" size="large" block onClick={() => void askForSubscriptions(templateIds)}>
            接收处理进度通知
          </Button>
          <View className="report-done__gap" />
        </>
      ) : null}
      <Button
        id="report-view-ticket"
        size="large"
        block
        onClick={() => goTo(outcome.anonymous ? followPageUrl(ticket.code) : ticketPageUrl(ticket.id))}
      >
        查看进度
      </Button>
      <View className="report-done__gap" />
      <Button id="report-my-reports" size="large" block onClick={() => goTo(MY_REPORTS_URL)}>
        我的上报
      </Button>
      <View className="report-done__gap" />
      <Button id="report-again" type="primary" size="large" block onClick={onAgain}>
        再报一条
      </Button>
    </View>
  );
}

interface ReportFormProps {
  /** The scanned workplace; null: the person chooses one. */
  workplace: ReportWorkplace | null;
}

/**
 * 随手拍: photos, category (三违 marked), description, where exactly, and who may know who reported.
 * One client key per report, kept across every retry (and the queue); each photo has its own.
 * Without network — known up front or found out while sending — the report is queued on the phone
 * with its photos and sent when the network returns.
 */
export function ReportForm({ workplace: scanned }: ReportFormProps) {
  const [workplace, setWorkplace] = useState<ReportWorkplace | null>(scanned);
  const [choosingWorkplace, setChoosingWorkplace] = useState(scanned === null);
  const [photos, setPhotos] = useState<DraftPhoto[]>([]);
  const [category, setCategory] = useState<HazardCategory | null>(null);
  const [description, setDescription] = useState('');
  const [locationNote, setLocationNote] = useState('');
  const [visibility, setVisibility] = useState<ReporterVisibility>(ReporterVisibility.Named);
  const [errors, setErrors] = useState<ReportErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // One report, one key: made when the form starts, replaced only after it was sent or queued.
  const report = useRef({ clientKey: newClientKey(), createdAt: new Date().toISOString() });

  const values = { workplace, category, description, locationNote, reporterVisibility: visibility, photos };

  const recheck = (field: keyof ReportErrors, next: Partial<typeof values>) => {
    if (errors[field]) {
      setErrors((current) => ({ ...current, [field]: validateReport({ ...values, ...next })[field] }));
    }
  };

  const startOver = () => {
    for (const photo of photos) {
      releasePhoto(photo);
    }
    report.current = { clientKey: newClientKey(), createdAt: new Date().toISOString() };
    setPhotos([]);
    setCategory(null);
    setDescription('');
    setLocationNote('');
    setVisibility(ReporterVisibility.Named);
    setErrors({});
    setFailure(null);
    setOutcome(null);
  };

  const finish = (next: Outcome) => {
    // The photos now live on the server or in the queue's own copies.
    for (const photo of photos) {
      releasePhoto(photo);
    }
    setPhotos([]);
    setOutcome(next);
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };

  const submit = async () => {
    if (submitting) {
      return;
    }
    const found = validateReport(values);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0 || !workplace || !category) {
      return;
    }
    const draft: ReportDraft = {
      clientKey: report.current.clientKey,
      createdAt: report.current.createdAt,
      workplace,
      category,
      description,
      locationNote,
      reporterVisibility: visibility,
      photos,
    };
    const ownerId = sessionUserId();
    // What the server already has (photos uploaded before a failure) goes into the queue with it.
    let latest = draft;
    const queue = async () => {
      try {
        await queueReport(latest, ownerId);
        finish({ kind: 'queued' });
      } catch {
        setFailure('网络不通，且手机存储空间不足，未能保存这条上报。请清理空间或稍后重试。');
      }
    };
    setSubmitting(true);
    try {
      if (await isOffline()) {
        await queue();
        return;
      }
      const response = await sendReport(draft, {
        ownerId,
        // Photos already uploaded keep their ids: a retry sends only what is missing.
        onProgress: (progress) => {
          latest = progress;
          setPhotos((current) =>
            current.map((photo) => ({
              ...photo,
              photoId: progress.photos.find((sent) => sent.clientKey === photo.clientKey)?.photoId ?? photo.photoId,
            })),
          );
        },
      });
      finish({ kind: 'sent', response, anonymous: visibility === ReporterVisibility.Anonymous });
    } catch (error) {
      if (isApiError(error) && error.isNetworkError) {
        await queue();
        return;
      }
      setFailure(errorMessage(error));
      toastError(error);
    } finally {
      setSubmitting(false);
    }
  };

  if (outcome) {
    return <Done outcome={outcome} onAgain={startOver} />;
  }

  const descriptionLength = characterCount(description);
  return (
    <View className="report-form" id="report-form">
      <View className="card">
        <View className="card__header">
          <Text className="card__title">隐患地点</Text>
          {workplace && !choosingWorkplace ? (
            <Text className="report-form__change" id="workplace-change" onClick={() => setChoosingWorkplace(true)}>
              更换
            </Text>
          ) : null}
        </View>
        {workplace && !choosingWorkplace ? (
          <View className="report-form__workplace" id="report-workplace">
            <Text className="report-form__workplace-name" id="report-workplace-name">
              {workplace.name}
            </Text>
            <Text className="muted">{workplace.enterpriseName}</Text>
          </View>
        ) : (
          <WorkplaceChooser
            onChoose={(chosen) => {
              setWorkplace(chosen);
              setChoosingWorkplace(false);
              recheck('workplace', { workplace: chosen });
            }}
          />
        )}
        {errors.workplace ? <Text className="form-field__error">{errors.workplace}</Text> : null}
      </View>

      <View className="card">
        <Text className="card__title">拍照</Text>
        <Text className="muted form-field__hint">拍下隐患现场，1 到 9 张；照片会压缩后上传，位置等信息会被去除。</Text>
        <PhotoPicker
          id="hazard-photo"
          photos={photos}
          disabled={submitting}
          onChange={(next) => {
            setPhotos(next);
            recheck('photos', { photos: next });
          }}
        />
        {errors.photos ? (
          <Text className="form-field__error" id="hazard-photo-error">
            {errors.photos}
          </Text>
        ) : null}
      </View>

      <View className="card">
        <Text className="card__title">隐患类别</Text>
        <Choice
          id="category"
          className="report-form__categories"
          options={CATEGORIES}
          labels={HAZARD_CATEGORY_LABELS}
          value={category}
          onChange={(next) => {
            setCategory(next);
            recheck('category', { category: next });
          }}
          extra={(option) => (THREE_VIOLATIONS.includes(option) ? <Text className="option__tag">三违</Text> : null)}
        />
        {errors.category ? <Text className="form-field__error">{errors.category}</Text> : null}
      </View>

      <View className="card">
        <View className="card__header">
          <Text className="card__title">描述</Text>
          <Text
            className={`report-form__counter${descriptionLength > HAZARD_DESCRIPTION_MAX_LENGTH ? ' report-form__counter--over' : ''}`}
            id="hazard-description-counter"
          >
            {descriptionLength}/{HAZARD_DESCRIPTION_MAX_LENGTH}
          </Text>
        </View>
        <FieldTextarea
          id="hazard-description"
          className="form-field__textarea"
          value={description}
          placeholder="看到了什么不安全的状态或行为？如：3 号皮带机护罩缺失"
          maxlength={HAZARD_DESCRIPTION_MAX_LENGTH}
          onInput={(event) => {
            setDescription(event.detail.value);
            recheck('description', { description: event.detail.value });
          }}
        />
        {errors.description ? <Text className="form-field__error">{errors.description}</Text> : null}
        <Text className="form-field__label report-form__location-label">具体位置（选填）</Text>
        <FieldInput
          id="hazard-location"
          className="form-field__input"
          value={locationNote}
          placeholder="如：主井口东侧配电箱旁"
          maxlength={HAZARD_LOCATION_NOTE_MAX_LENGTH}
          onInput={(event) => {
            setLocationNote(event.detail.value);
            recheck('locationNote', { locationNote: event.detail.value });
          }}
        />
        {errors.locationNote ? <Text className="form-field__error">{errors.locationNote}</Text> : null}
      </View>

      <View className="card">
        <Text className="card__title">上报方式</Text>
        <View className="visibility" id="visibility">
          {VISIBILITIES.map((option) => (
            <View
              key={option}
              id={`visibility-${option}`}
              className={`visibility__option${visibility === option ? ' visibility__option--on' : ''}`}
              role="radio"
              aria-checked={visibility === option}
              onClick={() => setVisibility(option)}
            >
              <Text className="visibility__label">{REPORTER_VISIBILITY_LABELS[option]}</Text>
              <Text className="visibility__explanation">{VISIBILITY_EXPLANATIONS[option]}</Text>
            </View>
          ))}
        </View>
      </View>

      {failure ? (
        <Text className="form-failure" id="report-failure">
          {failure}
        </Text>
      ) : null}
      <Button id="hazard-submit" type="primary" size="large" block loading={submitting} onClick={() => void submit()}>
        {submitting ? '正在上报…' : failure ? '重新提交' : '提交'}
      </Button>
      <Text className="muted report-form__note">网络不好时可以放心重试，同一次上报不会重复生成工单。</Text>
    </View>
  );
}
