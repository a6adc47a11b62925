import { OrgErrorCode, workplaceCodeFromScene } from '@ankang/shared';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, isApiError, useRequireSession } from '../../api';
import { StatusBlock } from '../../components';
import { ReportForm } from '../../components/hazards';
import type { ReportWorkplace } from '../../features/hazards';
import { fetchWorkplaceCard, recentWorkplaces, rememberWorkplace } from '../../features/workplace';
import { reportAtWorkplaceUrl } from '../../utils/hazard-pages';
import './report.scss';

type WorkplaceLoad =
  | { state: 'loading' }
  | { state: 'ready'; workplace: ReportWorkplace | null; notice?: string }
  | { state: 'failed'; message: string };

/**
 * 随手拍 at a scanned workplace (`?scene=w%3D<code>`, the QR code's scene): the workplace prefilled.
 * The landing page has just shown the card, so it is usually known on the phone; otherwise its
 * public card is fetched. A login on the way comes back here.
 */
export default function ReportAtWorkplacePage() {
  const router = useRouter();
  const [code] = useState(() => workplaceCodeFromScene(router.params?.scene));
  const signedIn = useRequireSession(code ? reportAtWorkplaceUrl(code) : undefined);
  const [load, setLoad] = useState<WorkplaceLoad>({ state: 'loading' });

  const loadWorkplace = useCallback(async () => {
    if (!code) {
      setLoad({ state: 'ready', workplace: null });
      return;
    }
    const known = recentWorkplaces().find((workplace) => workplace.code === code);
    if (known) {
      setLoad({ state: 'ready', workplace: known });
      return;
    }
    setLoad({ state: 'loading' });
    try {
      const card = await fetchWorkplaceCard(code);
      rememberWorkplace(card);
      setLoad({
        state: 'ready',
        workplace: { id: card.id, code: card.code, name: card.name, enterpriseName: card.enterprise.name },
      });
    } catch (error) {
      if (isApiError(error) && error.code === OrgErrorCode.WorkplaceNotFound) {
        setLoad({ state: 'ready', workplace: null, notice: error.message });
      } else {
        setLoad({ state: 'failed', message: errorMessage(error) });
      }
    }
  }, [code]);

  useEffect(() => {
    if (signedIn) {
      void loadWorkplace();
    }
  }, [signedIn, loadWorkplace]);

  if (!signedIn) {
    return <View className="page" />;
  }
  if (load.state === 'loading') {
    return (
      <View className="page">
        <StatusBlock text="正在查询作业场所…" />
      </View>
    );
  }
  if (load.state === 'failed') {
    return (
      <View className="page">
        <StatusBlock text={load.message} actionText="重新加载" onAction={() => void loadWorkplace()} />
      </View>
    );
  }
  return (
    <View className="page hazard-report">
      {load.notice ? <StatusBlock text={`${load.notice}，请选择或填写隐患所在的场所。`} /> : null}
      <ReportForm workplace={load.workplace} />
    </View>
  );
}
