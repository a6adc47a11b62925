import {
  addChinaDays,
  chinaDateOf,
  type LessonAssignment,
  type LessonDetail,
  LessonStatus,
  type OrgUnitReference,
} from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, toastError, toastSuccess, useRequireSession } from '../../../api';
import { DateField, LoadStatusPage, SectionCard, StatusBlock } from '../../../components';
import { assignLesson, dueOnProblem, fetchLesson, listLessonAssignments } from '../../../features/lessons';
import { chinaDateTime } from '../../../utils/china-time-format';
import { lessonAssignUrl } from '../../../utils/training-pages';
import { OrgNodePicker } from '../components/org-node-picker';
import './index.scss';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; lesson: LessonDetail; assignments: LessonAssignment[] }
  | { state: 'failed'; message: string };

/**
 * 指派课程 (`?id=`): a published lesson made required of a node's workers (inside the lesson's owner
 * subtree) by a due date; they get a message. Below, where it is already assigned.
 */
export default function LessonAssignPage() {
  const router = useRouter();
  const [lessonId] = useState(() => router.params?.id ?? '');
  const signedIn = useRequireSession(lessonId ? lessonAssignUrl(lessonId) : undefined);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const today = chinaDateOf(new Date());
  const [node, setNode] = useState<OrgUnitReference | null>(null);
  const [dueOn, setDueOn] = useState(() => addChinaDays(today, 7));
  const [errors, setErrors] = useState<{ node?: string; dueOn?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const loadAll = useCallback(async () => {
    if (!lessonId) {
      setLoad({ state: 'failed', message: '缺少课程参数，请从课程页面进入。' });
      return;
    }
    setLoad({ state: 'loading' });
    try {
      const [lesson, assignments] = await Promise.all([fetchLesson(lessonId), listLessonAssignments(lessonId)]);
      setLoad({ state: 'ready', lesson, assignments });
    } catch (error) {
      setLoad({ state: 'failed', message: errorMessage(error) });
    }
  }, [lessonId]);

  useEffect(() => {
    if (signedIn) {
      void loadAll();
    }
  }, [signedIn, loadAll]);

  if (!signedIn) {
    return <View className="page" />;
  }
  if (load.state !== 'ready') {
    return <LoadStatusPage load={load} onReload={() => void loadAll()} />;
  }

  const { lesson, assignments } = load;
  const submit = async () => {
    if (busy) {
      return;
    }
    const dueOnError = dueOnProblem(dueOn, today);
    const found = {
      ...(node ? {} : { node: '请选择要指派的单位' }),
      ...(dueOnError ? { dueOn: dueOnError } : {}),
    };
    setErrors(found);
    setFailure(null);
    if (!node || Object.keys(found).length > 0) {
      return;
    }
    setBusy(true);
    try {
      const assignment = await assignLesson(lesson.id, { orgUnitId: node.id, dueOn: dueOn.trim() });
      setLoad({ state: 'ready', lesson, assignments: [assignment, ...assignments] });
      setNode(null);
      toastSuccess('已指派');
    } catch (error) {
      setFailure(errorMessage(error));
      toastError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page staff-wide lesson-assign">
      <View className="card">
        <Text className="lesson-assign__title">{lesson.title}</Text>
        <Text className="muted">
          第 {lesson.version} 版 · {lesson.owner.name}
        </Text>
      </View>
      {lesson.status !== LessonStatus.Published ? (
        <StatusBlock text="课程发布后才能指派。" />
      ) : (
        <View className="card">
          <Text className="card__title">指派到单位</Text>
          <Text className="muted form-field__hint">
            所选单位及其下级企业的职工都要在期限内学完并通过，指派后他们会收到提醒。
          </Text>
          <View className="form-field">
            <Text className="form-field__label">单位</Text>
            {node ? (
              <Text className="lesson-assign__chosen" id="assign-node-chosen">
                已选：{node.name}
              </Text>
            ) : null}
            <OrgNodePicker id="assign-node" root={lesson.owner} value={node} onChange={setNode} />
            {errors.node ? <Text className="form-field__error">{errors.node}</Text> : null}
          </View>
          <View className="form-field">
            <Text className="form-field__label">完成期限</Text>
            <DateField id="assign-due-on" value={dueOn} start={today} onChange={setDueOn} />
            {errors.dueOn ? <Text className="form-field__error">{errors.dueOn}</Text> : null}
          </View>
          {failure ? (
            <Text className="form-failure" id="assign-failure">
              {failure}
            </Text>
          ) : null}
          <Button id="assign-submit" type="primary" size="large" block loading={busy} onClick={() => void submit()}>
            指派
          </Button>
        </View>
      )}
      <SectionCard title="已指派" id="assignments">
        {assignments.length === 0 ? (
          <Text className="muted">还没有指派。未指派的课程按适用对象自动成为相关职工的必修课。</Text>
        ) : (
          assignments.map((assignment) => (
            <View className="list-row" key={assignment.id} id={`assignment-${assignment.id}`}>
              <View className="list-row__main">
                <Text className="list-row__title">{assignment.orgUnit.name}</Text>
                <Text className="list-row__meta">
                  {assignment.dueOn} 前完成 · 指派于 {chinaDateTime(assignment.createdAt)}
                </Text>
              </View>
            </View>
          ))
        )}
      </SectionCard>
    </View>
  );
}
