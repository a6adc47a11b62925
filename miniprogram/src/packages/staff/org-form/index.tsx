import {
  allowedChildKinds,
  BINDING_MODE_LABELS,
  BindingMode,
  CommonErrorCode,
  INDUSTRY_LABELS,
  Industry,
  ORG_KIND_LABELS,
  OrgKind,
  type OrgUnitDetail,
  Permission,
  type RoleGrantSummary,
  WORKPLACE_CODE_MAX_LENGTH,
} from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, isApiError, toastSuccess } from '../../../api';
import { StatusBlock } from '../../../components';
import { useMe } from '../../../features/auth';
import {
  createOrgUnit,
  createRequestFor,
  emptyOrgUnitForm,
  fetchOrgUnit,
  ORG_ADDRESS_MAX_LENGTH,
  ORG_NAME_MAX_LENGTH,
  type OrgUnitErrors,
  type OrgUnitField,
  type OrgUnitForm,
  orgUnitFormFor,
  updateOrgUnit,
  updateRequestFor,
  validateOrgUnit,
} from '../../../features/org';
import { canAt } from '../../../utils/permissions';
import './index.scss';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  /** `node`: the node edited, or the parent of the node created. */
  | { state: 'ready'; node: OrgUnitDetail };

/** The kinds the person may create under `parent`. */
function creatableKinds(roles: readonly RoleGrantSummary[], parent: OrgUnitDetail): OrgKind[] {
  return allowedChildKinds(parent.kind).filter((kind) =>
    kind === OrgKind.Workplace
      ? canAt(roles, Permission.WorkplaceManage, parent) || canAt(roles, Permission.OrgStructure, parent)
      : canAt(roles, Permission.OrgStructure, parent),
  );
}

function fieldErrorsFrom(details: unknown): OrgUnitErrors {
  const errors: OrgUnitErrors = {};
  const fields: readonly string[] = ['name', 'code', 'address', 'industry'];
  if (Array.isArray(details)) {
    for (const detail of details as { field?: unknown; message?: unknown }[]) {
      if (typeof detail?.field === 'string' && fields.includes(detail.field) && typeof detail.message === 'string') {
        errors[detail.field as OrgUnitField] = detail.message;
      }
    }
  }
  return errors;
}

function Choice<T extends string>({
  id,
  options,
  labels,
  value,
  onChange,
}: {
  id: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T | null;
  onChange: (value: T) => void;
}) {
  return (
    <View className="options" id={id}>
      {options.map((option) => (
        <View
          key={option}
          id={`${id}-${option}`}
          className={`option${value === option ? ' option--on' : ''}`}
          role="radio"
          aria-checked={value === option}
          onClick={() => onChange(option)}
        >
          <Text>{labels[option]}</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * 单位信息: `?id=` edits a node (name, address, industry, binding mode); `?parentId=&kind=` creates a
 * node under a parent (officers: workplaces under their enterprise).
 */
export default function OrgFormPage() {
  const router = useRouter();
  const editId = router.params?.id || null;
  const parentId = router.params?.parentId || null;
  const creating = editId === null;
  const { signedIn, load: meLoad } = useMe();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [form, setForm] = useState<OrgUnitForm | null>(null);
  const [errors, setErrors] = useState<OrgUnitErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const loadNode = useCallback(async () => {
    const id = editId ?? parentId;
    if (!id) {
      setLoad({ state: 'failed', message: '缺少单位参数，请从组织架构进入。' });
      return;
    }
    setLoad({ state: 'loading' });
    try {
      setLoad({ state: 'ready', node: await fetchOrgUnit(id) });
    } catch (error) {
      setLoad({ state: 'failed', message: errorMessage(error) });
    }
  }, [editId, parentId]);

  useEffect(() => {
    if (signedIn) {
      void loadNode();
    }
  }, [signedIn, loadNode]);

  const roles = meLoad.state === 'ready' ? meLoad.me.roles : null;
  const node = load.state === 'ready' ? load.node : null;
  const kinds = node && roles && creating ? creatableKinds(roles, node) : [];

  // The form starts from the node edited, or empty with the requested (or only possible) kind.
  useEffect(() => {
    if (!node || !roles || form) {
      return;
    }
    if (!creating) {
      setForm(orgUnitFormFor(node));
      return;
    }
    const requested = router.params?.kind as OrgKind | undefined;
    const kind = requested && kinds.includes(requested) ? requested : kinds[0];
    if (kind) {
      setForm(emptyOrgUnitForm(kind));
    }
  }, [node, roles, form, creating, kinds, router.params]);

  if (!signedIn) {
    return <View className="page" />;
  }
  if (load.state === 'failed' || meLoad.state === 'failed') {
    const message = load.state === 'failed' ? load.message : meLoad.state === 'failed' ? meLoad.message : '';
    return (
      <View className="page">
        <StatusBlock text={message} actionText="重新加载" onAction={() => void loadNode()} />
      </View>
    );
  }
  if (node && roles && creating && kinds.length === 0) {
    return (
      <View className="page">
        <StatusBlock text="您不能在此单位下新增单位或作业场所。" />
      </View>
    );
  }
  if (!node || !form) {
    return (
      <View className="page">
        <StatusBlock text="正在加载…" />
      </View>
    );
  }

  const change = (changes: Partial<OrgUnitForm>) => {
    const next = { ...form, ...changes };
    setForm(next);
    const fields = Object.keys(changes) as OrgUnitField[];
    if (fields.some((field) => errors[field])) {
      const fresh = validateOrgUnit(next, creating);
      setErrors((current) => {
        const updated = { ...current };
        for (const field of fields) {
          updated[field] = fresh[field];
        }
        return updated;
      });
    }
  };

  const save = async () => {
    if (saving) {
      return;
    }
    const found = validateOrgUnit(form, creating);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      return;
    }
    const changes = creating ? null : updateRequestFor(node, form);
    if (changes && Object.keys(changes).length === 0) {
      await Taro.navigateBack().catch(() => undefined);
      return;
    }
    setSaving(true);
    try {
      if (changes) {
        await updateOrgUnit(node.id, changes);
      } else {
        await createOrgUnit(createRequestFor(node.id, form));
      }
      toastSuccess(creating ? '已新增' : '已保存');
      await Taro.navigateBack().catch(() => undefined);
    } catch (error) {
      if (isApiError(error) && error.code === CommonErrorCode.ValidationFailed) {
        setErrors(fieldErrorsFrom(error.details));
      }
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const kindLabel = ORG_KIND_LABELS[form.kind];
  return (
    <View className="page org-form">
      <View className="card">
        <Text className="card__title">{creating ? `新增${kindLabel}` : `编辑${ORG_KIND_LABELS[node.kind]}`}</Text>
        <Text className="muted org-form__parent">
          {creating ? `上级单位：${node.name}` : node.ancestors.map((ancestor) => ancestor.name).join(' › ')}
        </Text>

        {failure ? (
          <Text className="org-form__failure" id="org-form-failure">
            {failure}
          </Text>
        ) : null}

        {creating && kinds.length > 1 ? (
          <View className="form-field">
            <Text className="form-field__label">类型</Text>
            <Choice
              id="org-form-kind"
              options={kinds}
              labels={ORG_KIND_LABELS}
              value={form.kind}
              onChange={(kind) => setForm({ ...emptyOrgUnitForm(kind), name: form.name })}
            />
          </View>
        ) : null}

        <View className="form-field">
          <Text className="form-field__label">名称</Text>
          <Input
            id="org-form-name"
            className="form-field__input"
            value={form.name}
            placeholder={form.kind === OrgKind.Workplace ? '如：主井口、3 号车间' : '请输入名称'}
            maxlength={ORG_NAME_MAX_LENGTH}
            onInput={(event) => change({ name: event.detail.value })}
          />
          {errors.name ? <Text className="form-field__error">{errors.name}</Text> : null}
        </View>

        {form.kind === OrgKind.Workplace ? (
          <View className="form-field">
            <Text className="form-field__label">场所编码</Text>
            {creating ? (
              <>
                <Text className="muted form-field__hint">
                  印在入口二维码里，选填，留空自动生成；最多 {WORKPLACE_CODE_MAX_LENGTH} 个字母、数字或符号。
                </Text>
                <Input
                  id="org-form-code"
                  className="form-field__input"
                  value={form.code}
                  placeholder="留空自动生成"
                  maxlength={WORKPLACE_CODE_MAX_LENGTH}
                  onInput={(event) => change({ code: event.detail.value })}
                />
              </>
            ) : (
              <Text className="org-form__code">{form.code}（已印在二维码上，不可修改）</Text>
            )}
            {errors.code ? <Text className="form-field__error">{errors.code}</Text> : null}
          </View>
        ) : null}

        {form.kind === OrgKind.Enterprise ? (
          <>
            <View className="form-field">
              <Text className="form-field__label">所属行业</Text>
              <Choice
                id="org-form-industry"
                options={Object.values(Industry)}
                labels={INDUSTRY_LABELS}
                value={form.industry}
                onChange={(industry) => change({ industry })}
              />
              {errors.industry ? <Text className="form-field__error">{errors.industry}</Text> : null}
            </View>
            <View className="form-field">
              <Text className="form-field__label">职工「我在这里工作」</Text>
              <Choice
                id="org-form-binding-mode"
                options={Object.values(BindingMode)}
                labels={BINDING_MODE_LABELS}
                value={form.bindingMode}
                onChange={(bindingMode) => change({ bindingMode })}
              />
            </View>
          </>
        ) : null}

        {form.kind !== OrgKind.Union ? (
          <View className="form-field">
            <Text className="form-field__label">地址</Text>
            <Input
              id="org-form-address"
              className="form-field__input"
              value={form.address}
              placeholder="选填"
              maxlength={ORG_ADDRESS_MAX_LENGTH}
              onInput={(event) => change({ address: event.detail.value })}
            />
            {errors.address ? <Text className="form-field__error">{errors.address}</Text> : null}
          </View>
        ) : null}
      </View>

      <Button id="org-form-save" type="primary" size="large" block loading={saving} onClick={() => void save()}>
        {creating ? '新增' : '保存'}
      </Button>
    </View>
  );
}
