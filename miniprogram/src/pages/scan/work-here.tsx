import {
  BindingStatus,
  type EnterpriseBindingSummary,
  type MeResponse,
  OrgErrorCode,
  type WorkplaceCard,
} from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  errorMessage,
  hasSession,
  isApiError,
  type KeyedSubmission,
  loginUrlReturningTo,
  toastError,
  toastSuccess,
} from '../../api';
import { fetchMe } from '../../features/auth';
import {
  afterBindingRequest,
  type BindingState,
  bindingRequest,
  bindingStateFor,
} from '../../features/enterprise-binding';
import { workplacePageUrl } from '../../features/workplace';

type MeLoad = { state: 'loading' } | { state: 'ready'; me: MeResponse } | { state: 'failed'; message: string };

function shortDate(iso: string): string {
  const date = new Date(iso);
  return `${date.getMonth() + 1}月${date.getDate()}日 ${String(date.getHours()).padStart(2, '0')}:${String(
    date.getMinutes(),
  ).padStart(2, '0')}`;
}

/** Asks before a request that would replace the person's enterprise or their request elsewhere. */
async function confirmReplacing(state: Extract<BindingState, { kind: 'can-request' }>, card: WorkplaceCard) {
  let content: string | null = null;
  if (state.boundElsewhere) {
    content = `您目前是「${state.boundElsewhere.name}」的职工，确定改为「${card.enterprise.name}」的职工吗？`;
  } else if (state.pendingElsewhere) {
    content = `您申请加入「${state.pendingElsewhere.enterprise.name}」的请求还在等待审核，确定改为申请加入「${card.enterprise.name}」吗？`;
  }
  if (!content) {
    return true;
  }
  const answer = await Taro.showModal({ title: '更换所在企业', content, confirmText: '确定更换', cancelText: '取消' });
  return answer.confirm;
}

interface WorkHereProps {
  card: WorkplaceCard;
  workplaceCode: string;
}

/**
 * 「我在这里工作」: binds the signed-in worker to the enterprise of the scanned workplace, at once or
 * after an officer approves. One submission (one client key) per page, kept across retries.
 */
export function WorkHere({ card, workplaceCode }: WorkHereProps) {
  const [signedIn] = useState(hasSession);
  const [load, setLoad] = useState<MeLoad>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [answer, setAnswer] = useState<EnterpriseBindingSummary | null>(null);
  const submission = useRef<KeyedSubmission<EnterpriseBindingSummary> | null>(null);
  const returnUrl = workplacePageUrl(workplaceCode);

  const loadMe = useCallback(async () => {
    setLoad({ state: 'loading' });
    try {
      setLoad({ state: 'ready', me: await fetchMe({ returnUrl }) });
    } catch (error) {
      setLoad({ state: 'failed', message: errorMessage(error) });
    }
  }, [returnUrl]);

  useEffect(() => {
    if (signedIn) {
      void loadMe();
    }
  }, [signedIn, loadMe]);

  const goToLogin = () => {
    Taro.navigateTo({ url: loginUrlReturningTo(returnUrl) }).catch(() => undefined);
  };

  const request = async (me: MeResponse, state: Extract<BindingState, { kind: 'can-request' }>) => {
    if (busy || !(await confirmReplacing(state, card))) {
      return;
    }
    submission.current ??= bindingRequest(workplaceCode);
    setBusy(true);
    setFailure(null);
    try {
      const binding = await submission.current.submit();
      setAnswer(binding);
      setLoad({ state: 'ready', me: afterBindingRequest(me, binding) });
      toastSuccess(binding.status === BindingStatus.Approved ? '已绑定' : '已提交');
    } catch (error) {
      if (isApiError(error) && error.code === OrgErrorCode.BindingAlreadyBound) {
        setLoad({
          state: 'ready',
          me: { ...me, enterprise: { id: card.enterprise.id, name: card.enterprise.name }, pendingBinding: null },
        });
        return;
      }
      setFailure(errorMessage(error));
      toastError(error);
    } finally {
      setBusy(false);
    }
  };

  if (!signedIn) {
    return (
      <View className="card work-here" id="work-here">
        <Text className="card__title">我在这里工作</Text>
        <Text className="work-here__text">
          登录后点「我在这里工作」，即可成为「{card.enterprise.name}」的职工，班前打卡和培训记录都记在本企业。
        </Text>
        <Button id="bind-here" type="primary" size="large" block onClick={goToLogin}>
          我在这里工作
        </Button>
      </View>
    );
  }
  if (load.state === 'loading') {
    return (
      <View className="card work-here" id="work-here">
        <Text className="card__title">我在这里工作</Text>
        <Text className="muted">正在查询您的企业绑定…</Text>
      </View>
    );
  }
  if (load.state === 'failed') {
    return (
      <View className="card work-here" id="work-here">
        <Text className="card__title">我在这里工作</Text>
        <Text className="work-here__failure">{load.message}</Text>
        <Button size="large" block onClick={() => void loadMe()}>
          重新加载
        </Button>
      </View>
    );
  }

  const { me } = load;
  const state = bindingStateFor(me, card.enterprise.id);
  return (
    <View className="card work-here" id="work-here">
      <Text className="card__title">我在这里工作</Text>
      {state.kind === 'bound-here' ? (
        <View className="work-here__done" id="binding-bound-here">
          <Text className="work-here__status">您是本企业职工</Text>
          <Text className="muted">
            {answer?.status === BindingStatus.Approved
              ? `已绑定「${card.enterprise.name}」。`
              : `所在企业：${card.enterprise.name}`}
          </Text>
        </View>
      ) : null}
      {state.kind === 'pending-here' ? (
        <View className="work-here__waiting" id="binding-pending">
          <Text className="work-here__status">已提交，等待安全员审核</Text>
          <Text className="muted">
            {shortDate(state.binding.createdAt)} 申请加入「{state.binding.enterprise.name}」，审核结果可在「我的」查看。
          </Text>
        </View>
      ) : null}
      {state.kind === 'can-request' ? (
        <>
          <Text className="work-here__text">
            您在「{card.enterprise.name}」工作？点下面的按钮成为本企业职工，班前打卡和培训记录都记在本企业。
          </Text>
          {state.boundElsewhere ? (
            <Text className="work-here__note" id="binding-elsewhere">
              您目前是「{state.boundElsewhere.name}」的职工。
            </Text>
          ) : null}
          {state.pendingElsewhere ? (
            <Text className="work-here__note">
              您申请加入「{state.pendingElsewhere.enterprise.name}」的请求正在等待审核。
            </Text>
          ) : null}
          {state.rejectedHere ? (
            <Text className="work-here__note" id="binding-rejected">
              上次申请未通过{state.rejectedHere.reason ? `：${state.rejectedHere.reason}` : '。'}
            </Text>
          ) : null}
          {failure ? (
            <Text className="work-here__failure" id="binding-failure">
              {failure}
            </Text>
          ) : null}
          <Button
            id="bind-here"
            type="primary"
            size="large"
            block
            loading={busy}
            onClick={() => void request(me, state)}
          >
            {failure ? '重试' : '我在这里工作'}
          </Button>
        </>
      ) : null}
    </View>
  );
}
