import { type MeResponse, WORKER_GROUP_LABELS } from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import type { ButtonProps } from '@tarojs/components';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { isWeapp, toastError, toastInfo, toastSuccess } from '../../api';
import { bindPhone } from '../../features/profile';
import { orgKindLabel, roleGrantLine } from '../../utils/roles';

type PhoneEvent = Parameters<NonNullable<ButtonProps['onGetPhoneNumber']>>[0];

/** 手机: WeChat vouches for the number through the getPhoneNumber button; H5 has no such button. */
function PhoneRow({ me, onChanged }: { me: MeResponse; onChanged: (me: MeResponse) => void }) {
  const [busy, setBusy] = useState(false);

  const onPhoneNumber = async (event: PhoneEvent) => {
    const code = event.detail?.code;
    if (!code) {
      // The person tapped 拒绝 (errMsg "getPhoneNumber:fail user deny"), or WeChat gave no code.
      toastInfo('未获得手机号授权');
      return;
    }
    setBusy(true);
    try {
      onChanged(await bindPhone(code));
      toastSuccess('手机号已绑定');
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="fact-row" id="mine-phone">
      <Text className="fact-row__label">手机</Text>
      <View className="fact-row__value">
        <Text id="mine-phone-number">{me.phone ?? '未绑定'}</Text>
        {isWeapp() ? null : (
          <Text className="muted fact-row__hint" id="mine-phone-hint">
            手机号请在微信小程序“安康”中一键绑定
          </Text>
        )}
      </View>
      {isWeapp() ? (
        <Button
          id="mine-phone-bind"
          className="fact-row__action"
          size="small"
          type="primary"
          fill="outline"
          openType="getPhoneNumber"
          loading={busy}
          onGetPhoneNumber={(event) => void onPhoneNumber(event)}
        >
          {me.phone ? '更换' : '绑定手机号'}
        </Button>
      ) : null}
    </View>
  );
}

export function ProfileCard({ me, onChanged }: { me: MeResponse; onChanged: (me: MeResponse) => void }) {
  return (
    <>
      <View className="profile__head">
        <Text className="profile__avatar">{me.displayName.slice(0, 1)}</Text>
        <View className="profile__who">
          <Text className="profile__name" id="mine-name">
            {me.displayName}
          </Text>
          <Text className="muted">{me.enterprise ? me.enterprise.name : '尚未绑定企业'}</Text>
        </View>
        <Text
          className="profile__edit"
          id="mine-edit"
          onClick={() => void Taro.navigateTo({ url: '/pages/profile-edit/index' })}
        >
          编辑
        </Text>
      </View>
      <View className="profile__facts">
        <View className="fact-row">
          <Text className="fact-row__label">工号</Text>
          <Text className="fact-row__value" id="mine-employee-number">
            {me.employeeNumber || '未填写'}
          </Text>
        </View>
        <PhoneRow me={me} onChanged={onChanged} />
        <View className="fact-row">
          <Text className="fact-row__label">重点人群</Text>
          <View className="fact-row__value chips" id="mine-worker-groups">
            {me.workerGroups.length === 0 ? <Text className="muted">未选择</Text> : null}
            {me.workerGroups.map((group) => (
              <Text className="chip chip--orange" key={group}>
                {WORKER_GROUP_LABELS[group] ?? group}
              </Text>
            ))}
          </View>
        </View>
      </View>
      <View className="profile__roles">
        <Text className="profile__roles-title">我的身份</Text>
        {me.roles.length === 0 ? <Text className="muted">暂无岗位角色，请联系企业安全员登记。</Text> : null}
        {me.roles.map((grant) => (
          <View className="role-line" key={`${grant.role}-${grant.orgUnitId}`}>
            <Text className="role-line__text">{roleGrantLine(grant)}</Text>
            <Text className="role-line__kind">{orgKindLabel(grant)}</Text>
          </View>
        ))}
      </View>
    </>
  );
}
