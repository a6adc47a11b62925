import { FEVER_TEMPERATURE, type HealthDeclaration } from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import {
  type DeclarationErrors,
  type DeclarationForm,
  declarationOf,
  declaresSign,
  emptyDeclaration,
  OTHER_SYMPTOMS_MAX_LENGTH,
  validateDeclaration,
} from '../../features/training';
import { FieldInput } from '../field';
import './training.scss';

type SignField = 'fever' | 'cough' | 'feelingUnwell' | 'otherSymptomsOn';

const SIGNS: readonly { field: SignField; id: string; label: string; hint: string }[] = [
  { field: 'fever', id: 'declare-fever', label: '发热', hint: `体温 ≥ ${FEVER_TEMPERATURE} °C，或自觉发烧、畏寒` },
  { field: 'cough', id: 'declare-cough', label: '咳嗽', hint: '咳嗽、咽痛、气促等' },
  { field: 'feelingUnwell', id: 'declare-unwell', label: '身体不适', hint: '头晕、乏力、胸闷、腹痛腹泻、酒后未恢复等' },
  { field: 'otherSymptomsOn', id: 'declare-other', label: '其他症状', hint: '以上没有列出的不舒服' },
];

interface DeclarationFormProps {
  submitting: boolean;
  /** Why the last submission failed (shown above the button, which then says 重新提交). */
  failure: string | null;
  onSubmit: (declaration: HealthDeclaration) => void;
}

/**
 * 健康申报: four yes/no signs (big rows, one tap each), other symptoms in the worker's words, an
 * optional temperature on the numeric keypad. Any sign means 暂不上岗 today — the button says so
 * before the tap.
 */
export function DeclarationFormView({ submitting, failure, onSubmit }: DeclarationFormProps) {
  const [form, setForm] = useState<DeclarationForm>(emptyDeclaration);
  const [errors, setErrors] = useState<DeclarationErrors>({});

  const update = (change: Partial<DeclarationForm>) => {
    const next = { ...form, ...change };
    setForm(next);
    // Once a field was flagged, say as soon as it is right again.
    if (Object.keys(errors).length > 0) {
      setErrors(validateDeclaration(next));
    }
  };

  const submit = () => {
    if (submitting) {
      return;
    }
    const found = validateDeclaration(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    onSubmit(declarationOf(form));
  };

  const sign = declaresSign(form);
  return (
    <View className="declaration" id="declaration-form">
      <View className="card">
        <Text className="card__title">今天身体怎么样？</Text>
        <Text className="muted declaration__intro">有下列情况请如实勾选，没有就直接提交。</Text>
        <View className="declaration__signs" role="group">
          {SIGNS.map((item) => {
            const on = form[item.field];
            return (
              <View
                key={item.field}
                id={item.id}
                className={`declaration__sign${on ? ' declaration__sign--on' : ''}`}
                role="checkbox"
                aria-checked={on}
                hoverClass="declaration__sign--pressed"
                onClick={() => update({ [item.field]: !on })}
              >
                <View className="declaration__sign-text">
                  <Text className="declaration__sign-label">{item.label}</Text>
                  <Text className="declaration__sign-hint">{item.hint}</Text>
                </View>
                <Text className="declaration__sign-state">{on ? '有' : '无'}</Text>
              </View>
            );
          })}
        </View>
        {form.otherSymptomsOn ? (
          <View className="form-field declaration__other">
            <Text className="form-field__label">哪里不舒服？</Text>
            <FieldInput
              id="declare-other-text"
              className="form-field__input"
              value={form.otherSymptoms}
              placeholder="如：牙痛、眼睛红肿"
              maxlength={OTHER_SYMPTOMS_MAX_LENGTH}
              onInput={(event) => update({ otherSymptoms: event.detail.value })}
            />
            {errors.otherSymptoms ? (
              <Text className="form-field__error" id="declare-other-error">
                {errors.otherSymptoms}
              </Text>
            ) : null}
          </View>
        ) : null}
      </View>

      <View className="card">
        <Text className="card__title">体温（选填）</Text>
        <View className="declaration__temperature">
          <FieldInput
            id="declare-temperature"
            className="form-field__input declaration__temperature-input"
            type="digit"
            value={form.temperature}
            placeholder="如 36.5，没有测量可不填"
            maxlength={5}
            onInput={(event) => update({ temperature: event.detail.value })}
          />
          <Text className="declaration__unit">°C</Text>
        </View>
        {errors.temperature ? (
          <Text className="form-field__error" id="declare-temperature-error">
            {errors.temperature}
          </Text>
        ) : null}
      </View>

      {sign ? (
        <Text className="declaration__warning" id="declare-warning">
          有症状今天暂不上岗：提交后请回家休息、及时就医，系统会通知本企业安全员。
        </Text>
      ) : null}
      {failure ? (
        <Text className="form-failure" id="declare-failure">
          {failure}
        </Text>
      ) : null}
      <Button
        id="declare-submit"
        type={sign ? 'danger' : 'primary'}
        size="large"
        block
        loading={submitting}
        onClick={submit}
      >
        {submitting ? '正在提交…' : failure ? '重新提交' : sign ? '提交申报' : '身体良好，提交'}
      </Button>
      <Text className="muted declaration__privacy">健康信息只有您和本企业安全员可见，30 天后只保留是否准许上岗。</Text>
    </View>
  );
}
