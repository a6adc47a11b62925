import { isValidWorkplaceCode, OrgErrorCode } from '@ankang/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { errorMessage, isApiError, isWeapp, toastError } from '../../api';
import type { ReportWorkplace } from '../../features/hazards';
import { fetchWorkplaceCard, recentWorkplaces, scanEntrance } from '../../features/workplace';
import { FieldInput } from '../field';
import './hazards.scss';

/**
 * Where the hazard is, when 随手拍 was not opened from a workplace's code: a workplace scanned
 * recently on this phone, scanning the entrance code now (WeChat), or typing the code printed under
 * the QR code.
 */
export function WorkplaceChooser({ onChoose }: { onChoose: (workplace: ReportWorkplace) => void }) {
  const [recent] = useState(recentWorkplaces);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const lookUp = async (workplaceCode: string) => {
    setBusy(true);
    setProblem(null);
    try {
      const card = await fetchWorkplaceCard(workplaceCode);
      onChoose({ id: card.id, code: card.code, name: card.name, enterpriseName: card.enterprise.name });
    } catch (error) {
      setProblem(
        isApiError(error) && error.code === OrgErrorCode.WorkplaceNotFound
          ? '没有找到这个场所编码，请核对入口二维码下方印的编码'
          : errorMessage(error),
      );
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    try {
      const scanned = await scanEntrance();
      if (!scanned.workplaceCode) {
        setProblem('这不是“安康”作业场所二维码，请扫描作业场所入口处张贴的二维码');
        return;
      }
      await lookUp(scanned.workplaceCode);
    } catch (error) {
      // Closing the camera is not an error worth a message.
      if (isApiError(error)) {
        toastError(error);
      }
    }
  };

  const submitCode = () => {
    const typed = code.trim();
    if (!isValidWorkplaceCode(typed)) {
      setProblem('请填写入口二维码下方印的场所编码，如 HK-COAL-01');
      return;
    }
    void lookUp(typed);
  };

  return (
    <View className="workplace-chooser" id="workplace-chooser">
      {recent.length > 0 ? (
        <>
          <Text className="muted workplace-chooser__hint">最近扫码的场所：</Text>
          {recent.map((workplace) => (
            <View
              className="workplace-option"
              id={`workplace-option-${workplace.id}`}
              key={workplace.id}
              hoverClass="workplace-option--pressed"
              onClick={() => onChoose(workplace)}
            >
              <Text className="workplace-option__name">{workplace.name}</Text>
              <Text className="workplace-option__enterprise">{workplace.enterpriseName}</Text>
            </View>
          ))}
        </>
      ) : null}
      {isWeapp() ? (
        <View className="workplace-chooser__scan" id="workplace-scan" onClick={() => void scan()}>
          <Text>扫描入口二维码</Text>
        </View>
      ) : null}
      <Text className="muted workplace-chooser__hint">或填写入口二维码下方的场所编码：</Text>
      <View className="search">
        <FieldInput
          id="workplace-code-input"
          className="search__input"
          value={code}
          placeholder="场所编码，如 HK-COAL-01"
          maxlength={30}
          confirmType="search"
          onInput={(event) => setCode(event.detail.value)}
          onConfirm={submitCode}
        />
        <Text className="search__button" id="workplace-code-submit" onClick={busy ? undefined : submitCode}>
          {busy ? '查找中' : '确定'}
        </Text>
      </View>
      {problem ? (
        <Text className="form-field__error" id="workplace-problem">
          {problem}
        </Text>
      ) : null}
    </View>
  );
}
