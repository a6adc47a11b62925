import { OrgKind, type OrgUnitDetail, type QrCodeFormat, WechatErrorCode } from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type DownloadedFile,
  errorMessage,
  extensionFor,
  isApiError,
  isWeapp,
  saveInBrowser,
  toastError,
  toastSuccess,
} from '../../../api';
import { StatusBlock } from '../../../components';
import { useMe } from '../../../features/auth';
import { fetchOrgUnit } from '../../../features/org';
import { downloadWorkplaceQrCode } from '../../../features/qrcode';
import './index.scss';

type CodeLoad =
  | { state: 'loading' }
  | { state: 'ready'; file: DownloadedFile }
  | { state: 'failed'; message: string; wechatUnavailable: boolean };

const FORMAT_LABELS: Record<QrCodeFormat, string> = { image: '小程序码', poster: '打印海报' };

/** WeChat cannot make a mini program code here (not configured, or refused): the poster still works. */
function wechatUnavailable(error: unknown): boolean {
  return (
    isApiError(error) &&
    [
      WechatErrorCode.Misconfigured,
      WechatErrorCode.Unavailable,
      WechatErrorCode.Rejected,
      WechatErrorCode.QrCodeRejected,
    ].includes(error.code as WechatErrorCode)
  );
}

/**
 * 场所二维码 of one workplace: the WeChat mini program code (to save to the album or forward) and
 * the printable poster (H5 download). Both need the bearer token, so they are downloaded through the
 * API client rather than linked.
 */
export default function QrCodePage() {
  const router = useRouter();
  const workplaceId = router.params?.id || null;
  const { signedIn } = useMe();
  const [node, setNode] = useState<OrgUnitDetail | null>(null);
  // WeChat shows the mini program code (album, forward); a browser starts with the printable poster.
  const [format, setFormat] = useState<QrCodeFormat>(isWeapp() ? 'image' : 'poster');
  const [code, setCode] = useState<CodeLoad>({ state: 'loading' });
  const current = useRef<DownloadedFile | null>(null);
  const latest = useRef(0);

  // The object URL (H5) of the code shown is freed when the page goes away.
  const release = useCallback(() => {
    current.current?.release();
    current.current = null;
  }, []);

  const loadCode = useCallback(async (id: string, wanted: QrCodeFormat) => {
    latest.current += 1;
    const mine = latest.current;
    setCode({ state: 'loading' });
    try {
      const file = await downloadWorkplaceQrCode(id, wanted);
      if (mine !== latest.current) {
        // The person switched format meanwhile: this one is not shown.
        file.release();
        return;
      }
      current.current?.release();
      current.current = file;
      setCode({ state: 'ready', file });
    } catch (error) {
      if (mine === latest.current) {
        setCode({ state: 'failed', message: errorMessage(error), wechatUnavailable: wechatUnavailable(error) });
      }
    }
  }, []);

  useEffect(() => {
    if (signedIn && workplaceId) {
      fetchOrgUnit(workplaceId).then(setNode, () => setNode(null));
    }
  }, [signedIn, workplaceId]);

  useEffect(() => {
    if (signedIn && workplaceId) {
      void loadCode(workplaceId, format);
    }
  }, [signedIn, workplaceId, format, loadCode]);

  useEffect(() => release, [release]);

  if (!signedIn) {
    return <View className="page" />;
  }
  if (!workplaceId) {
    return (
      <View className="page">
        <StatusBlock text="请从「组织架构」中选择作业场所。" />
      </View>
    );
  }

  const enterprise = node?.ancestors.filter((ancestor) => ancestor.kind === OrgKind.Enterprise).pop();
  const baseName = `${node?.name ?? '作业场所'}-${FORMAT_LABELS[format]}`;

  const saveToAlbum = async (filePath: string) => {
    try {
      await Taro.saveImageToPhotosAlbum({ filePath });
      toastSuccess('已保存到相册');
    } catch (error) {
      const message = (error as { errMsg?: string })?.errMsg ?? '';
      if (/auth|deny|denied/i.test(message)) {
        const answer = await Taro.showModal({
          title: '需要相册权限',
          content: '请在设置中允许“安康”保存到相册，然后再试一次。',
          confirmText: '去设置',
          cancelText: '取消',
        });
        if (answer.confirm) {
          await Taro.openSetting().catch(() => undefined);
        }
        return;
      }
      toastError(error);
    }
  };

  const download = (file: DownloadedFile) => {
    saveInBrowser(file.url, `${baseName}.${extensionFor(file.contentType, format === 'poster' ? 'svg' : 'jpg')}`);
    toastSuccess('已开始下载');
  };

  return (
    <View className="page qrcode">
      <View className="card">
        <Text className="qrcode__name" id="qrcode-workplace">
          {node?.name ?? '作业场所'}
        </Text>
        <Text className="muted">
          {[enterprise?.name, node?.code ? `场所编码 ${node.code}` : ''].filter(Boolean).join(' · ')}
        </Text>

        <View className="qrcode__tabs">
          {(['image', 'poster'] as const).map((option) => (
            <View
              key={option}
              id={`qrcode-format-${option}`}
              className={`qrcode__tab${format === option ? ' qrcode__tab--on' : ''}`}
              onClick={() => setFormat(option)}
            >
              <Text>{FORMAT_LABELS[option]}</Text>
            </View>
          ))}
        </View>

        <View className="qrcode__frame">
          {code.state === 'loading' ? <Text className="muted">正在生成…</Text> : null}
          {code.state === 'failed' ? (
            <StatusBlock
              text={
                code.wechatUnavailable && format === 'image'
                  ? `${code.message}。可改用“打印海报”，扫码同样进入本场所页面。`
                  : code.message
              }
              actionText="重试"
              onAction={() => void loadCode(workplaceId, format)}
            />
          ) : null}
          {code.state === 'ready' ? (
            <Image
              id="qrcode-image"
              className={format === 'poster' ? 'qrcode__poster' : 'qrcode__image'}
              src={code.file.url}
              mode="aspectFit"
              showMenuByLongpress
            />
          ) : null}
        </View>

        {code.state === 'ready' ? (
          <View className="qrcode__buttons">
            {isWeapp() ? (
              <>
                {format === 'image' ? (
                  <Button
                    id="qrcode-save"
                    type="primary"
                    size="large"
                    block
                    onClick={() => void saveToAlbum(code.file.url)}
                  >
                    保存到相册
                  </Button>
                ) : null}
                <Button
                  id="qrcode-preview"
                  size="large"
                  block
                  onClick={() => void Taro.previewImage({ urls: [code.file.url], current: code.file.url })}
                >
                  预览（长按可转发）
                </Button>
              </>
            ) : (
              <Button id="qrcode-download" type="primary" size="large" block onClick={() => download(code.file)}>
                下载{FORMAT_LABELS[format]}
              </Button>
            )}
          </View>
        ) : null}
        <Text className="muted">
          张贴在作业场所入口醒目处。职工用微信扫码即可打开本场所页面：班前打卡、随手拍和今日培训。
        </Text>
      </View>
    </View>
  );
}
