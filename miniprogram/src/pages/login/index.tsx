import { type DemoUserSummary, ROLE_LABELS } from '@ankang/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, hasSession, isWeapp, returnUrlFromParam, toastError } from '../../api';
import { BulletList, StatusBlock } from '../../components';
import { devLogin, fetchDevUsers, wechatLogin } from '../../features/auth';
import { hasPrivacyConsent, PRIVACY_GUIDE_TITLE, PRIVACY_SUMMARY, recordPrivacyConsent } from '../../features/privacy';
import './index.scss';

const HOME_URL = '/pages/index/index';

type DemoUsers =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; users: DemoUserSummary[] }
  | { state: 'failed'; message: string };

/** After login: back to the page that sent the person here (a scanned workplace), else 首页. */
function goOn(returnUrl: string | null): void {
  Taro.reLaunch({ url: returnUrl ?? HOME_URL }).catch(() => undefined);
}

function demoRoles(user: DemoUserSummary): string {
  if (user.roles.length === 0) {
    return '无岗位角色';
  }
  return user.roles.map((grant) => `${ROLE_LABELS[grant.role] ?? grant.role} · ${grant.orgUnitName}`).join('；');
}

function PrivacyConsentCard({ onAgree }: { onAgree: () => void }) {
  const [declined, setDeclined] = useState(false);
  return (
    <View className="card consent" id="privacy-consent">
      <Text className="consent__title">{PRIVACY_GUIDE_TITLE}</Text>
      <Text className="muted">使用安康前，请阅读并同意以下内容：</Text>
      <BulletList items={PRIVACY_SUMMARY} />
      <Text
        className="consent__link"
        id="privacy-read-full"
        onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}
      >
        阅读完整《{PRIVACY_GUIDE_TITLE}》
      </Text>
      {declined ? (
        <Text className="consent__declined" id="privacy-declined">
          不同意隐私保护指引将无法登录使用安康。您可以随时重新选择“同意并继续”。
        </Text>
      ) : null}
      <View className="consent__actions">
        <Button id="privacy-agree" type="primary" size="large" block onClick={onAgree}>
          同意并继续
        </Button>
        <View className="consent__gap" />
        <Button id="privacy-decline" size="large" block fill="none" onClick={() => setDeclined(true)}>
          不同意
        </Button>
      </View>
    </View>
  );
}

function WechatLogin({ returnUrl }: { returnUrl: string | null }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const login = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await wechatLogin();
      goOn(returnUrl);
    } catch (error) {
      setFailure(errorMessage(error));
      toastError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card">
      <Text className="card__title">微信一键登录</Text>
      <Text className="muted login__hint">使用当前微信账号登录，首次登录自动创建账号。</Text>
      {failure ? <Text className="login__error">{failure}</Text> : null}
      <Button id="wechat-login" type="primary" size="large" block loading={busy} onClick={() => void login()}>
        微信一键登录
      </Button>
    </View>
  );
}

function DemoLogin({ returnUrl }: { returnUrl: string | null }) {
  const [users, setUsers] = useState<DemoUsers>({ state: 'idle' });
  const [signingIn, setSigningIn] = useState<string | null>(null);

  const load = useCallback(async () => {
    setUsers({ state: 'loading' });
    try {
      setUsers({ state: 'ready', users: await fetchDevUsers() });
    } catch (error) {
      setUsers({ state: 'failed', message: errorMessage(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const signIn = async (username: string) => {
    if (signingIn) {
      return;
    }
    setSigningIn(username);
    try {
      await devLogin(username);
      goOn(returnUrl);
    } catch (error) {
      toastError(error);
    } finally {
      setSigningIn(null);
    }
  };

  return (
    <View className="demo" id="demo-login">
      <Text className="demo__title">选择演示账号登录</Text>
      <Text className="muted demo__hint">
        网页版用于演示和测试，可用预置账号体验不同身份。正式使用请在微信中打开“安康”小程序。
      </Text>
      {users.state === 'loading' || users.state === 'idle' ? <StatusBlock text="正在加载演示账号…" /> : null}
      {users.state === 'failed' ? (
        <View className="card" id="demo-login-unavailable">
          <StatusBlock
            text={`${users.message.replace(/[。！.!]+$/, '')}。网页版演示登录当前不可用，请在微信中打开“安康”小程序登录。`}
            actionText="重试"
            onAction={() => void load()}
          />
        </View>
      ) : null}
      {users.state === 'ready' && users.users.length === 0 ? (
        <StatusBlock text="暂无演示账号，请先运行演示数据初始化。" actionText="重试" onAction={() => void load()} />
      ) : null}
      {users.state === 'ready'
        ? users.users.map((user) => (
            <View
              className="card demo-user"
              id={`demo-user-${user.username}`}
              key={user.username}
              hoverClass="demo-user--pressed"
              onClick={() => void signIn(user.username)}
            >
              <View className="demo-user__main">
                <Text className="demo-user__name">{user.displayName}</Text>
                <Text className="demo-user__description">{user.description}</Text>
                <Text className="demo-user__roles">{demoRoles(user)}</Text>
              </View>
              <Text className="demo-user__go">{signingIn === user.username ? '登录中…' : '登录 ›'}</Text>
            </View>
          ))
        : null}
    </View>
  );
}

export default function LoginPage() {
  const router = useRouter();
  const [returnUrl] = useState(() => returnUrlFromParam(router.params?.redirect));
  const [consented, setConsented] = useState(hasPrivacyConsent);
  const [alreadySignedIn] = useState(hasSession);

  useEffect(() => {
    if (alreadySignedIn) {
      goOn(returnUrl);
    }
  }, [alreadySignedIn, returnUrl]);

  if (alreadySignedIn) {
    return <View className="page login" />;
  }

  const agree = () => {
    recordPrivacyConsent();
    setConsented(true);
  };

  return (
    <View className="page login">
      <View className="login__brand">
        <Text className="login__logo">安康</Text>
        <Text className="login__slogan">班前一分钟，平安一整天</Text>
      </View>
      {!consented ? <PrivacyConsentCard onAgree={agree} /> : null}
      {consented && isWeapp() ? <WechatLogin returnUrl={returnUrl} /> : null}
      {consented && !isWeapp() ? <DemoLogin returnUrl={returnUrl} /> : null}
    </View>
  );
}
