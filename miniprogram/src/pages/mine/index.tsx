import { WECHAT_SUBSCRIBE_PURPOSE_LABELS } from '@ankang/shared';
import { Button, Cell, CellGroup, Dialog } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { isWeapp, LOGIN_PAGE_URL } from '../../api';
import { StatusBlock } from '../../components';
import { logout, useMe } from '../../features/auth';
import { useUnreadCount } from '../../features/inbox';
import { askForSubscriptions, useWechatSubscriptions } from '../../features/wechat-subscriptions';
import { INBOX_URL, MY_REPORTS_URL } from '../../utils/hazard-pages';
import { isStaff } from '../../utils/roles';
import { BindingCard } from './binding-card';
import { ProfileCard } from './profile-card';
import './index.scss';
import { useShownAgain } from '../../hooks/use-shown-again';

export default function MinePage() {
  const { signedIn, load, reload, replace } = useMe();
  const [confirmLogout, setConfirmLogout] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const unread = useUnreadCount(signedIn);
  // WeChat only: H5 has no subscribe messages, so the entry is not shown there.
  const subscriptions = useWechatSubscriptions(signedIn);

  // Back from 编辑资料 or a scanned workplace: the profile or the binding may have changed.
  useShownAgain(() => {
    if (signedIn) {
      void reload();
    }
  });

  const doLogout = async () => {
    setConfirmLogout(false);
    setLeaving(true);
    await logout();
    await Taro.reLaunch({ url: LOGIN_PAGE_URL }).catch(() => undefined);
  };

  if (!signedIn) {
    return <View className="page" />;
  }

  const me = load.state === 'ready' ? load.me : null;

  return (
    <View className="page mine">
      <View className="card profile" id="mine-profile">
        {load.state === 'loading' ? <Text className="muted">正在加载…</Text> : null}
        {load.state === 'failed' ? (
          <StatusBlock text={load.message} actionText="重新加载" onAction={() => void reload()} />
        ) : null}
        {me ? <ProfileCard me={me} onChanged={replace} /> : null}
      </View>

      {me ? <BindingCard me={me} onChanged={reload} /> : null}

      <CellGroup>
        <Cell
          className="mine-cell-inbox"
          title="消息"
          description="整改交办、期限提醒、处理结果"
          extra={
            unread > 0 ? (
              <Text className="mine__badge" id="mine-unread">
                {unread > 99 ? '99+' : unread}
              </Text>
            ) : (
              '查看'
            )
          }
          clickable
          onClick={() => void Taro.navigateTo({ url: INBOX_URL })}
        />
        <Cell
          className="mine-cell-reports"
          title="我的上报"
          description="随手拍的隐患和处理进度"
          extra="查看"
          clickable
          onClick={() => void Taro.navigateTo({ url: MY_REPORTS_URL })}
        />
        {isWeapp() && subscriptions.templates.length > 0 ? (
          <Cell
            className="mine-cell-subscriptions"
            title={<Text id="mine-subscriptions">消息订阅</Text>}
            description={
              <View className="mine__subscriptions">
                {subscriptions.templates.map((template) => (
                  <Text key={template.templateId} id={`mine-subscription-${template.purpose}`}>
                    {WECHAT_SUBSCRIBE_PURPOSE_LABELS[template.purpose] ?? template.purpose}：可接收 {template.remaining}{' '}
                    次
                  </Text>
                ))}
              </View>
            }
            extra="订阅"
            clickable
            onClick={() => {
              // Asked within the tap (WeChat's rule); the counts are read again once answered.
              void askForSubscriptions(subscriptions.templates.map((template) => template.templateId)).then(
                subscriptions.refresh,
              );
            }}
          />
        ) : null}
        {me && isStaff(me.roles) ? (
          <Cell
            className="mine-cell-workbench"
            title="工作台"
            description="企业安全员、工会干部使用"
            extra="进入"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/staff/workbench/index' })}
          />
        ) : null}
        <Cell
          className="mine-cell-privacy"
          title="隐私保护指引"
          description="我们收集哪些信息、谁能看到"
          extra="查看"
          clickable
          onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}
        />
        <Cell title="关于安康" description="省总工会职工劳动保护系统" extra="v0.1.0" />
      </CellGroup>

      <View className="mine__logout">
        <Button
          id="logout-button"
          block
          size="large"
          type="default"
          loading={leaving}
          onClick={() => setConfirmLogout(true)}
        >
          退出登录
        </Button>
      </View>

      <Dialog
        className="logout-dialog"
        visible={confirmLogout}
        title="退出登录"
        content="退出后需要重新登录才能班前打卡和上报隐患。"
        confirmText="退出"
        cancelText="取消"
        onConfirm={() => void doLogout()}
        onCancel={() => setConfirmLogout(false)}
      />
    </View>
  );
}
