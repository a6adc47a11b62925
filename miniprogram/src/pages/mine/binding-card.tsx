import { BindingStatus, type MeResponse } from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { toastError, toastSuccess } from '../../api';
import { SectionCard } from '../../components';
import { withdrawPendingBinding } from '../../features/enterprise-binding';

function chineseDate(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/** 企业绑定: the enterprise the worker belongs to, and their latest request when it waits or was refused. */
export function BindingCard({ me, onChanged }: { me: MeResponse; onChanged: () => Promise<void> }) {
  const [withdrawing, setWithdrawing] = useState(false);
  const request = me.pendingBinding;

  const withdraw = async () => {
    const answer = await Taro.showModal({
      title: '撤回申请',
      content: request ? `撤回加入「${request.enterprise.name}」的申请？撤回后可重新扫码申请。` : '撤回申请？',
      confirmText: '撤回',
      cancelText: '取消',
    });
    if (!answer.confirm) {
      return;
    }
    setWithdrawing(true);
    try {
      await withdrawPendingBinding();
      toastSuccess('已撤回');
      await onChanged();
    } catch (error) {
      toastError(error);
    } finally {
      setWithdrawing(false);
    }
  };

  return (
    <SectionCard title="企业绑定" id="mine-binding">
      {me.enterprise ? (
        <View className="binding-line" id="binding-bound">
          <Text className="binding-line__status binding-line__status--bound">已绑定</Text>
          <Text className="binding-line__text">{me.enterprise.name}</Text>
        </View>
      ) : null}
      {request?.status === BindingStatus.Pending ? (
        <View className="binding-request" id="binding-pending">
          <View className="binding-line">
            <Text className="binding-line__status binding-line__status--pending">待审核</Text>
            <Text className="binding-line__text">申请加入「{request.enterprise.name}」</Text>
          </View>
          <Text className="muted binding-request__detail">
            {chineseDate(request.createdAt)}在「{request.workplace.name}」扫码提交，等待企业安全员审核。
          </Text>
          <Button id="binding-withdraw" size="large" block loading={withdrawing} onClick={() => void withdraw()}>
            撤回申请
          </Button>
        </View>
      ) : null}
      {request?.status === BindingStatus.Rejected ? (
        <View className="binding-request" id="binding-rejected">
          <View className="binding-line">
            <Text className="binding-line__status binding-line__status--rejected">未通过</Text>
            <Text className="binding-line__text">申请加入「{request.enterprise.name}」</Text>
          </View>
          <Text className="binding-request__reason" id="binding-rejected-reason">
            原因：{request.reason || '未说明'}
          </Text>
          <Text className="muted binding-request__detail">如有疑问请联系企业安全员，核实后可重新扫码申请。</Text>
        </View>
      ) : null}
      {!me.enterprise && !request ? (
        <Text className="muted" id="binding-none">
          尚未绑定企业。到岗后扫描作业场所入口的二维码，点「我在这里工作」即可绑定。
        </Text>
      ) : null}
    </SectionCard>
  );
}
