import { BindingStatus, type EnterpriseBinding, OrgErrorCode } from '@ankang/shared';
import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { errorMessage, isApiError, toastError, toastSuccess } from '../../../api';
import { StatusBlock } from '../../../components';
import { ListFooter } from '../../../components/list-footer';
import { useMe } from '../../../features/auth';
import { approveBinding, listBindingRequests, rejectBinding } from '../../../features/binding-review';
import { usePagedList, usePagedListPage } from '../../../hooks/use-paged-list';
import { maskedPhone } from '../../../utils/org-labels';
import './index.scss';

/** The binding's reason column holds 200 characters. */
const REJECT_REASON_MAX_LENGTH = 200;

function shortTime(iso: string): string {
  const date = new Date(iso);
  return `${date.getMonth() + 1}月${date.getDate()}日 ${String(date.getHours()).padStart(2, '0')}:${String(
    date.getMinutes(),
  ).padStart(2, '0')}`;
}

interface RequestCardProps {
  request: EnterpriseBinding;
  onDecided: (id: string) => void;
}

function RequestCard({ request, onDecided }: RequestCardProps) {
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const { user } = request;

  const decided = (message: string) => {
    toastSuccess(message);
    onDecided(request.id);
  };

  const failed = (error: unknown) => {
    // Another officer got there first: the request is no longer waiting, so it leaves the list.
    if (isApiError(error) && error.code === OrgErrorCode.BindingNotPending) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 }).catch(() => undefined);
      onDecided(request.id);
      return;
    }
    toastError(error);
  };

  const approve = async () => {
    if (busy) {
      return;
    }
    const answer = await Taro.showModal({
      title: '通过申请',
      content: `确认 ${user.displayName} 是「${request.enterprise.name}」的职工？`,
      confirmText: '通过',
      cancelText: '取消',
    });
    if (!answer.confirm) {
      return;
    }
    setBusy(true);
    try {
      await approveBinding(request.id);
      decided('已通过');
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const reject = async () => {
    if (busy) {
      return;
    }
    const text = reason.trim();
    if (text === '') {
      setReasonError('请填写驳回原因，职工会在「我的」中看到');
      return;
    }
    if (Array.from(text).length > REJECT_REASON_MAX_LENGTH) {
      setReasonError(`驳回原因不能超过 ${REJECT_REASON_MAX_LENGTH} 个字`);
      return;
    }
    setReasonError(null);
    setBusy(true);
    try {
      await rejectBinding(request.id, text);
      decided('已驳回');
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const facts = [maskedPhone(user.phone), user.employeeNumber ? `工号 ${user.employeeNumber}` : '']
    .filter(Boolean)
    .join(' · ');

  return (
    <View className="card binding-request" id={`binding-request-${request.id}`}>
      <Text className="binding-request__name">{user.displayName}</Text>
      {facts ? <Text className="muted binding-request__line">{facts}</Text> : null}
      <Text className="binding-request__line">申请加入「{request.enterprise.name}」</Text>
      <Text className="muted binding-request__line">
        {shortTime(request.createdAt)} 在「{request.workplace.name}」扫码提交
      </Text>

      {rejecting ? (
        <View className="binding-request__reject">
          <Text className="form-field__label">驳回原因</Text>
          <Textarea
            id={`reject-reason-${request.id}`}
            className="form-field__textarea"
            value={reason}
            placeholder="如：经核实不是本企业职工"
            maxlength={REJECT_REASON_MAX_LENGTH}
            onInput={(event) => {
              setReason(event.detail.value);
              if (reasonError && event.detail.value.trim() !== '') {
                setReasonError(null);
              }
            }}
          />
          {reasonError ? (
            <Text className="form-field__error" id={`reject-reason-error-${request.id}`}>
              {reasonError}
            </Text>
          ) : null}
          <View className="binding-request__actions">
            <View
              className="binding-request__button"
              id={`reject-cancel-${request.id}`}
              onClick={() => {
                setRejecting(false);
                setReasonError(null);
              }}
            >
              <Text>取消</Text>
            </View>
            <View
              className={`binding-request__button binding-request__button--reject${busy ? ' binding-request__button--busy' : ''}`}
              id={`reject-confirm-${request.id}`}
              onClick={() => void reject()}
            >
              <Text>{busy ? '正在提交…' : '确认驳回'}</Text>
            </View>
          </View>
        </View>
      ) : (
        <View className="binding-request__actions">
          <View
            className="binding-request__button binding-request__button--reject"
            id={`reject-${request.id}`}
            onClick={() => setRejecting(true)}
          >
            <Text>驳回</Text>
          </View>
          <View
            className={`binding-request__button binding-request__button--approve${busy ? ' binding-request__button--busy' : ''}`}
            id={`approve-${request.id}`}
            onClick={() => void approve()}
          >
            <Text>{busy ? '正在提交…' : '通过'}</Text>
          </View>
        </View>
      )}
    </View>
  );
}

/** 绑定审核: pending 「我在这里工作」 requests of the enterprises in the officer's scope. */
export default function BindingsPage() {
  const { signedIn, load } = useMe();
  const requests = usePagedList<EnterpriseBinding>(signedIn ? 'pending' : null, (cursor) =>
    listBindingRequests({ status: BindingStatus.Pending, cursor }),
  );

  usePagedListPage(requests);

  // Every request shown was decided while more wait on the server: fetch them.
  const { state, items, hasMore, loadMore } = requests;
  useEffect(() => {
    if (state === 'ready' && items.length === 0 && hasMore) {
      void loadMore();
    }
  }, [state, items.length, hasMore, loadMore]);

  if (!signedIn) {
    return <View className="page" />;
  }
  if (load.state === 'failed') {
    return (
      <View className="page">
        <StatusBlock text={load.message} />
      </View>
    );
  }

  return (
    <View className="page bindings">
      <Text className="muted bindings__intro">
        职工在作业场所扫码点「我在这里工作」后，由本企业安全员核实身份。通过后，职工的班前打卡和培训记录计入本企业。
      </Text>
      {requests.state === 'loading' ? <StatusBlock text="正在加载…" /> : null}
      {requests.state === 'failed' ? (
        <StatusBlock text={requests.message} actionText="重试" onAction={() => void requests.reload()} />
      ) : null}
      {requests.items.map((request) => (
        <RequestCard
          key={request.id}
          request={request}
          onDecided={(id) => requests.update((items) => items.filter((item) => item.id !== id))}
        />
      ))}
      <ListFooter list={requests} id="bindings-footer" emptyText="暂无待审核的申请。" />
    </View>
  );
}
