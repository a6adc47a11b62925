import { CommonErrorCode, WORKER_GROUP_LABELS, WorkerGroup } from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { isApiError, toastError, toastSuccess } from '../../api';
import { StatusBlock } from '../../components';
import { useMe } from '../../features/auth';
import {
  DISPLAY_NAME_MAX_LENGTH,
  EMPLOYEE_NUMBER_MAX_LENGTH,
  type ProfileErrors,
  type ProfileForm,
  profileFormFor,
  serverFieldErrors,
  updateMe,
  updateRequestFor,
  validateProfile,
} from '../../features/profile';
import './index.scss';

const GROUPS = Object.values(WorkerGroup);

/** 编辑资料: name, employee number and worker groups, checked here before they are sent. */
export default function ProfileEditPage() {
  const { signedIn, load, reload } = useMe();
  const [form, setForm] = useState<ProfileForm | null>(null);
  const [errors, setErrors] = useState<ProfileErrors>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (load.state === 'ready') {
      setForm((current) => current ?? profileFormFor(load.me));
    }
  }, [load]);

  if (!signedIn) {
    return <View className="page" />;
  }
  if (load.state === 'failed') {
    return (
      <View className="page">
        <StatusBlock text={load.message} actionText="重新加载" onAction={() => void reload()} />
      </View>
    );
  }
  if (!form) {
    return (
      <View className="page">
        <StatusBlock text="正在加载…" />
      </View>
    );
  }

  const change = (changes: Partial<ProfileForm>) => {
    const next = { ...form, ...changes };
    setForm(next);
    // Once a field was flagged, say as soon as it is right again.
    const fields = Object.keys(changes) as (keyof ProfileForm)[];
    if (fields.some((field) => errors[field])) {
      const fresh = validateProfile(next);
      setErrors((current) => {
        const updated = { ...current };
        for (const field of fields) {
          updated[field] = fresh[field];
        }
        return updated;
      });
    }
  };

  const toggleGroup = (group: WorkerGroup) => {
    const chosen = form.workerGroups.includes(group);
    change({
      workerGroups: chosen ? form.workerGroups.filter((item) => item !== group) : [...form.workerGroups, group],
    });
  };

  const save = async () => {
    if (saving) {
      return;
    }
    const found = validateProfile(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    setSaving(true);
    try {
      await updateMe(updateRequestFor(form));
      toastSuccess('已保存');
      await Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/mine/index' }));
    } catch (error) {
      if (isApiError(error) && error.code === CommonErrorCode.ValidationFailed) {
        setErrors(serverFieldErrors(error.details));
      }
      toastError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="page profile-edit">
      <View className="card">
        <View className="form-field">
          <Text className="form-field__label">姓名</Text>
          <Input
            id="profile-name"
            className={`form-field__input${errors.displayName ? ' form-field__input--error' : ''}`}
            value={form.displayName}
            placeholder="请输入真实姓名"
            maxlength={DISPLAY_NAME_MAX_LENGTH}
            onInput={(event) => change({ displayName: event.detail.value })}
          />
          {errors.displayName ? (
            <Text className="form-field__error" id="profile-name-error">
              {errors.displayName}
            </Text>
          ) : null}
        </View>

        <View className="form-field">
          <Text className="form-field__label">工号</Text>
          <Input
            id="profile-employee-number"
            className={`form-field__input${errors.employeeNumber ? ' form-field__input--error' : ''}`}
            value={form.employeeNumber}
            placeholder="选填，企业内的职工编号"
            maxlength={EMPLOYEE_NUMBER_MAX_LENGTH}
            onInput={(event) => change({ employeeNumber: event.detail.value })}
          />
          {errors.employeeNumber ? (
            <Text className="form-field__error" id="profile-employee-number-error">
              {errors.employeeNumber}
            </Text>
          ) : null}
        </View>

        <View className="form-field">
          <Text className="form-field__label">重点人群</Text>
          <Text className="muted form-field__hint">按实际情况选择，用于安排您需要完成的岗前必修课（可多选）。</Text>
          <View className="toggles">
            {GROUPS.map((group) => {
              const chosen = form.workerGroups.includes(group);
              return (
                <View
                  key={group}
                  id={`profile-group-${group}`}
                  className={`toggle${chosen ? ' toggle--on' : ''}`}
                  role="checkbox"
                  aria-checked={chosen}
                  onClick={() => toggleGroup(group)}
                >
                  <Text>
                    {chosen ? '✓ ' : ''}
                    {WORKER_GROUP_LABELS[group]}
                  </Text>
                </View>
              );
            })}
          </View>
          {errors.workerGroups ? <Text className="form-field__error">{errors.workerGroups}</Text> : null}
        </View>
      </View>

      <Button id="profile-save" type="primary" size="large" block loading={saving} onClick={() => void save()}>
        保存
      </Button>
    </View>
  );
}
