import {
  CommonErrorCode,
  INDUSTRY_LABELS,
  Industry,
  LESSON_STATUS_LABELS,
  LESSON_TITLE_MAX_LENGTH,
  LESSON_TOPIC_LABELS,
  type LessonDetail,
  LessonStatus,
  LessonTopic,
  Permission,
  QUESTION_TYPE_LABELS,
  QuestionType,
  roleHasPermission,
  TrainingErrorCode,
  WORKER_GROUP_LABELS,
  WorkerGroup,
} from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { errorMessage, isApiError, toastError, toastInfo, toastSuccess } from '../../../api';
import { Choice, FieldInput, LoadStatusPage } from '../../../components';
import { useMe } from '../../../features/auth';
import {
  addQuestion,
  archiveLesson,
  createLesson,
  createRequestOf,
  emptyLessonForm,
  fetchLesson,
  type LessonForm,
  type LessonFormErrors,
  lessonContentOf,
  lessonFormOf,
  moveQuestion,
  publishLesson,
  removeQuestion,
  serverLessonErrors,
  updateLesson,
  validateLesson,
} from '../../../features/lessons';
import { durationLabel } from '../../../features/training';
import { lessonAssignUrl } from '../../../utils/training-pages';
import { FieldError } from '../components/field-error';
import { MultiChoice } from '../components/multi-choice';
import { useFormCheck } from '../components/use-form-check';
import { useRecordEditor } from '../components/use-record-editor';
import { BodyEditor } from './body-editor';
import { ImageEditor } from './image-editor';
import { QuestionEditor } from './question-editor';
import './index.scss';

const TOPICS = Object.values(LessonTopic);
const WORKER_GROUPS = Object.values(WorkerGroup);
const INDUSTRIES = Object.values(Industry);
const QUESTION_TYPES = Object.values(QuestionType);
const DURATION_PRESETS = [60, 120, 180, 300] as const;

type Busy = 'save' | 'publish' | 'archive' | null;

async function confirm(title: string, content: string, confirmText: string): Promise<boolean> {
  const answer = await Taro.showModal({ title, content, confirmText, cancelText: '取消' });
  return answer.confirm;
}

/**
 * 编辑课程 (`?id=`; none: a new lesson). Title, topic, body with formatting buttons and a preview,
 * images, video, duration, pass mark, who it is for, questions; save (a published lesson becomes
 * a new version — the author is told before), publish, archive, 指派. Comfortable in a desktop
 * browser too: one centred column, the body and its preview side by side, plain keyboard fields.
 */
export default function LessonEditPage() {
  const { signedIn, load: meLoad } = useMe();
  const {
    recordId: lessonId,
    load,
    detail,
    form,
    setForm,
    dirty,
    show,
    reload: loadLesson,
  } = useRecordEditor<LessonDetail, LessonForm>({
    signedIn,
    emptyForm: emptyLessonForm,
    formOf: lessonFormOf,
    fetchRecord: fetchLesson,
  });
  const [busy, setBusy] = useState<Busy>(null);
  const [uploading, setUploading] = useState(0);

  const owners =
    meLoad.state === 'ready'
      ? meLoad.me.roles
          .filter((grant) => roleHasPermission(grant.role, Permission.LessonManage))
          .filter((grant, index, all) => all.findIndex((other) => other.orgUnitId === grant.orgUnitId) === index)
      : [];
  const creating = !lessonId;
  const { errors, setErrors, failure, setFailure, check, recheck } = useFormCheck(
    (next: LessonForm): LessonFormErrors => validateLesson(next, { creating }),
  );

  // One place to write for: chosen for the author.
  useEffect(() => {
    if (creating && owners.length === 1 && form.ownerOrgUnitId === null) {
      setForm((current) => ({ ...current, ownerOrgUnitId: owners[0].orgUnitId }));
    }
  }, [creating, owners, form.ownerOrgUnitId, setForm]);

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: creating ? '新建课程' : '编辑课程' }).catch(() => undefined);
  }, [creating]);

  const status = detail?.status ?? LessonStatus.Draft;
  const readOnly = status === LessonStatus.Archived;

  const update = (change: Partial<LessonForm>) => {
    const next = { ...form, ...change };
    setForm(next);
    recheck(next);
  };

  /** Saves the form; a published lesson only after the author agreed to a new version. */
  const save = async (): Promise<LessonDetail | null> => {
    if (uploading > 0) {
      toastInfo('图片还在上传，请稍候');
      return null;
    }
    if (!check(form)) {
      return null;
    }
    if (
      detail?.status === LessonStatus.Published &&
      !(await confirm(
        '保存为新版本',
        `这门课已发布。保存后生成第 ${detail.version + 1} 版，职工此后学习新版本；已完成的学习记录仍按第 ${detail.version} 版保留。`,
        '保存新版本',
      ))
    ) {
      return null;
    }
    setBusy('save');
    try {
      const wasPublished = detail?.status === LessonStatus.Published;
      const lesson = lessonId
        ? await updateLesson(lessonId, lessonContentOf(form))
        : await createLesson(createRequestOf(form));
      show(lesson);
      toastSuccess(wasPublished ? `已保存为第 ${lesson.version} 版` : '已保存');
      return lesson;
    } catch (error) {
      if (
        isApiError(error) &&
        (error.code === CommonErrorCode.ValidationFailed || error.code === TrainingErrorCode.QuestionInvalid)
      ) {
        setErrors(serverLessonErrors(error.details));
      }
      setFailure(errorMessage(error));
      toastError(error);
      return null;
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    if (busy) {
      return;
    }
    const lesson = dirty || creating ? await save() : detail;
    if (!lesson) {
      return;
    }
    if (!(await confirm('发布课程', '发布后，适用的职工会在「培训」中看到这门课，并可能安排为班前培训。', '发布'))) {
      return;
    }
    setBusy('publish');
    try {
      const summary = await publishLesson(lesson.id);
      show({ ...lesson, ...summary });
      toastSuccess('已发布');
    } catch (error) {
      setFailure(errorMessage(error));
      toastError(error);
    } finally {
      setBusy(null);
    }
  };

  const archive = async () => {
    if (busy || !detail) {
      return;
    }
    if (!(await confirm('归档课程', '归档后职工不再学习这门课，已有的学习记录会保留。归档后不能再修改。', '归档'))) {
      return;
    }
    setBusy('archive');
    try {
      const summary = await archiveLesson(detail.id);
      show({ ...detail, ...summary });
      toastSuccess('已归档');
    } catch (error) {
      setFailure(errorMessage(error));
      toastError(error);
    } finally {
      setBusy(null);
    }
  };

  if (!signedIn) {
    return <View className="page" />;
  }
  if (load.state !== 'ready') {
    return <LoadStatusPage load={load} onReload={() => void loadLesson()} loadingText="正在加载课程…" />;
  }

  return (
    <View className="page staff-wide lesson-editor">
      {detail ? (
        <View className={`card lesson-editor__status lesson-editor__status--${status}`} id="lesson-status">
          <Text className="lesson-editor__status-text">
            {LESSON_STATUS_LABELS[status]} · 第 {detail.version} 版 · {detail.owner.name}
          </Text>
          <Text className="muted">
            {status === LessonStatus.Published
              ? '修改后保存会生成新版本，职工已完成的学习记录保留原版本。'
              : status === LessonStatus.Archived
                ? '已归档的课程不能修改，职工也不再学习。'
                : '草稿只有管理人员能看到，发布后职工才能学习。'}
          </Text>
        </View>
      ) : null}

      <View className="card">
        <Text className="card__title">基本信息</Text>
        {creating ? (
          <View className="form-field">
            <Text className="form-field__label">所属单位</Text>
            <Text className="muted form-field__hint">课程面向该工会辖区或该企业的职工。</Text>
            {owners.length === 0 ? (
              <Text className="muted">{meLoad.state === 'loading' ? '正在加载…' : '您没有可以发布课程的单位。'}</Text>
            ) : (
              <Choice
                id="lesson-owner"
                options={owners.map((grant) => grant.orgUnitId)}
                labels={Object.fromEntries(owners.map((grant) => [grant.orgUnitId, grant.orgUnitName]))}
                value={form.ownerOrgUnitId}
                onChange={(ownerOrgUnitId) => update({ ownerOrgUnitId })}
              />
            )}
            <FieldError errors={errors} field="ownerOrgUnitId" id="ownerOrgUnitId-error" />
          </View>
        ) : null}

        <View className="form-field">
          <View className="lesson-editor__label-line">
            <Text className="form-field__label">标题</Text>
            <Text className="muted">
              {[...form.title].length}/{LESSON_TITLE_MAX_LENGTH}
            </Text>
          </View>
          <FieldInput
            id="lesson-title-input"
            className="form-field__input"
            value={form.title}
            placeholder="如：有限空间作业——先通风、再检测、后作业"
            maxlength={LESSON_TITLE_MAX_LENGTH}
            disabled={readOnly}
            onInput={(event) => update({ title: event.detail.value })}
          />
          <FieldError errors={errors} field="title" id="title-error" />
        </View>

        <View className="form-field">
          <Text className="form-field__label">主题</Text>
          <Choice
            id="lesson-topic"
            options={TOPICS}
            labels={LESSON_TOPIC_LABELS}
            value={form.topic}
            onChange={(topic) => !readOnly && update({ topic })}
          />
          <FieldError errors={errors} field="topic" id="topic-error" />
        </View>

        <View className="lesson-editor__numbers">
          <View className="form-field lesson-editor__number">
            <Text className="form-field__label">学习时长（秒）</Text>
            <FieldInput
              id="lesson-duration"
              className="form-field__input"
              type="number"
              value={form.durationSeconds}
              maxlength={4}
              disabled={readOnly}
              onInput={(event) => update({ durationSeconds: event.detail.value })}
            />
            <View className="options lesson-editor__presets">
              {DURATION_PRESETS.map((seconds) => (
                <Text
                  key={seconds}
                  id={`lesson-duration-${seconds}`}
                  className={`option${form.durationSeconds === String(seconds) ? ' option--on' : ''}`}
                  onClick={() => !readOnly && update({ durationSeconds: String(seconds) })}
                >
                  {durationLabel(seconds)}
                </Text>
              ))}
            </View>
            <Text className="muted form-field__hint">答题须在学习时长过半后才能提交。</Text>
            <FieldError errors={errors} field="durationSeconds" id="durationSeconds-error" />
          </View>
          <View className="form-field lesson-editor__number">
            <Text className="form-field__label">及格线（分）</Text>
            <FieldInput
              id="lesson-pass-mark"
              className="form-field__input"
              type="number"
              value={form.passMark}
              maxlength={3}
              disabled={readOnly}
              onInput={(event) => update({ passMark: event.detail.value })}
            />
            <Text className="muted form-field__hint">满分 100，按答对题目的比例计分。</Text>
            <FieldError errors={errors} field="passMark" id="passMark-error" />
          </View>
        </View>
      </View>

      <View className="card">
        <Text className="card__title">正文</Text>
        <BodyEditor
          value={form.bodyHtml}
          readOnly={readOnly}
          error={errors.bodyHtml}
          onChange={(bodyHtml) => update({ bodyHtml })}
        />
      </View>

      <View className="card">
        <Text className="card__title">图片与视频</Text>
        <ImageEditor
          images={form.images}
          readOnly={readOnly}
          onUploading={setUploading}
          onChange={(images) => setForm((current) => ({ ...current, images }))}
        />
        <FieldError errors={errors} field="imageIds" id="imageIds-error" />
        <View className="form-field lesson-editor__video">
          <Text className="form-field__label">视频地址（选填）</Text>
          <FieldInput
            id="lesson-video-url"
            className="form-field__input"
            value={form.videoUrl}
            placeholder="https://…（mp4 等可直接播放的地址）"
            maxlength={500}
            disabled={readOnly}
            onInput={(event) => update({ videoUrl: event.detail.value })}
          />
          <FieldError errors={errors} field="videoUrl" id="videoUrl-error" />
        </View>
      </View>

      <View className="card">
        <Text className="card__title">适用对象</Text>
        <Text className="form-field__label">重点人群</Text>
        <Text className="muted form-field__hint">不选即面向全体职工；选了则只是这些人群的必修课。</Text>
        <MultiChoice
          id="lesson-group"
          options={WORKER_GROUPS}
          labels={WORKER_GROUP_LABELS}
          value={form.workerGroups}
          disabled={readOnly}
          onChange={(workerGroups) => update({ workerGroups })}
        />
        <Text className="form-field__label lesson-editor__gap">行业</Text>
        <Text className="muted form-field__hint">不选即所有行业。</Text>
        <MultiChoice
          id="lesson-industry"
          options={INDUSTRIES}
          labels={INDUSTRY_LABELS}
          value={form.industries}
          disabled={readOnly}
          onChange={(industries) => update({ industries })}
        />
      </View>

      <View className="card" id="lesson-questions">
        <View className="card__header">
          <Text className="card__title">题目</Text>
          <Text className="muted">{form.questions.length}/10</Text>
        </View>
        <FieldError errors={errors} field="questions" id="questions-error" />
        {form.questions.map((question, index) => (
          <QuestionEditor
            key={question.id}
            question={question}
            index={index}
            count={form.questions.length}
            errors={errors}
            readOnly={readOnly}
            onChange={(next) =>
              update({ questions: form.questions.map((item, position) => (position === index ? next : item)) })
            }
            onMove={(step) => update({ questions: moveQuestion(form.questions, index, step) })}
            onRemove={() => update({ questions: removeQuestion(form.questions, index) })}
          />
        ))}
        {!readOnly && form.questions.length < 10 ? (
          <View className="options lesson-editor__add-question">
            {QUESTION_TYPES.map((type) => (
              <Text
                key={type}
                id={`question-add-${type}`}
                className="option"
                onClick={() => update({ questions: addQuestion(form.questions, type) })}
              >
                ＋ {QUESTION_TYPE_LABELS[type]}
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      {failure ? (
        <Text className="form-failure lesson-editor__failure" id="lesson-failure">
          {failure}
        </Text>
      ) : null}
      {readOnly ? null : (
        <View className="lesson-editor__actions">
          <Button
            id="lesson-save"
            type={status === LessonStatus.Draft ? 'default' : 'primary'}
            size="large"
            loading={busy === 'save'}
            onClick={() => void save()}
          >
            {status === LessonStatus.Published ? '保存为新版本' : '保存草稿'}
          </Button>
          {status === LessonStatus.Draft ? (
            <Button
              id="lesson-publish"
              type="primary"
              size="large"
              loading={busy === 'publish'}
              onClick={() => void publish()}
            >
              发布
            </Button>
          ) : null}
          {status === LessonStatus.Published && detail ? (
            <Button
              id="lesson-assign"
              size="large"
              onClick={() => void Taro.navigateTo({ url: lessonAssignUrl(detail.id) }).catch(() => undefined)}
            >
              指派到单位
            </Button>
          ) : null}
          {detail ? (
            <Button
              id="lesson-archive"
              type="danger"
              fill="outline"
              size="large"
              loading={busy === 'archive'}
              onClick={() => void archive()}
            >
              归档
            </Button>
          ) : null}
        </View>
      )}
      {dirty && !readOnly ? <Text className="muted lesson-editor__dirty">有未保存的修改</Text> : null}
    </View>
  );
}
