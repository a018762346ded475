// The screen before anything else: first-run creation of the administrator, or login by name and password.
import { LockOutlined, PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError, type LoginResult, type SessionEndReason } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { type Language, saveLanguage } from '../i18n';
import { consoleClient } from '../transport';
import { useContractQuery } from '../transport/use-contract';
import { saveSetupHotlines, SetupHotlineFields, type SetupHotlineValues } from './SetupHotlineFields';
import { useSessionActions } from './use-session';

interface SetupValues extends SetupHotlineValues {
  name: string;
  displayName: string;
  password: string;
  confirm: string;
  demoSite: boolean;
}

/** Creates the administrator (which signs this page in), then starts the demo site if it was chosen. */
async function setUp(v: SetupValues): Promise<LoginResult> {
  const result = await consoleClient().invoke('auth.setup', { name: v.name, displayName: v.displayName, password: v.password });
  await saveSetupHotlines(v);
  // Without socat the demo cannot run; its status says why on the devices page, and the console works regardless.
  if (v.demoSite) await consoleClient().invoke('demo.enable', {});
  return result;
}

interface LoginValues {
  name: string;
  password: string;
}

const bigField = { size: 'large' as const, style: { fontSize: 18, height: 52 } };

/** `ended`: why this page was signed out without asking (another window logged out, the idle lock, …), if it was. */
export function LoginScreen({ needsSetup, ended }: { needsSetup: boolean; ended: SessionEndReason | null }) {
  const { t, i18n } = useTranslation('operators');
  const errorMessage = useErrorMessage();
  const { signedIn } = useSessionActions();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (call: () => Promise<LoginResult>) => {
    setBusy(true);
    setError(null);
    try {
      signedIn(await call());
    } catch (err) {
      setError(loginErrorMessage(err) ?? errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  /**
   * Lock-out reads better in the login's own words. The core does not say how many tries are left (that would tell
   * a real name from an unknown one), so the failure states the rule instead.
   */
  const loginErrorMessage = (err: unknown): string | null => {
    if (!(err instanceof AppError)) return null;
    if (err.code === 'operator_locked') return t('login.locked', { minutes: err.params.minutes });
    if (err.code === 'auth_failed') return t('login.failed');
    return null;
  };
  const switchLanguage = (language: Language) => {
    saveLanguage(language);
    void i18n.changeLanguage(language);
  };

  return (
    <Flex vertical align="center" justify="center" gap={24} style={{ minHeight: '100vh', padding: 24 }}>
      <Typography.Title level={1} style={{ margin: 0 }}>
        {t('common:appNameFull')}
      </Typography.Title>
      <Card style={{ width: 520, maxWidth: '100%' }} styles={{ body: { padding: 32 } }}>
        {needsSetup ? (
          <Form<SetupValues>
            layout="vertical"
            requiredMark={false}
            disabled={busy}
            onFinish={(v) => void submit(() => setUp(v))}
          >
            <Typography.Title level={3}>{t('setup.title')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('setup.subtitle')}</Typography.Paragraph>
            <Form.Item name="name" label={t('setup.name')} extra={t('setup.nameHint')} rules={[{ required: true, min: 2, max: 32, pattern: /^[\p{L}\p{N}_.-]+$/u }]}>
              <Input {...bigField} prefix={<UserOutlined />} autoFocus autoComplete="username" />
            </Form.Item>
            <Form.Item name="displayName" label={t('setup.displayName')} rules={[{ required: true, max: 64 }]}>
              <Input {...bigField} />
            </Form.Item>
            <Form.Item name="password" label={t('setup.password')} extra={t('setup.passwordHint')} rules={[{ required: true, min: 8 }]}>
              <Input.Password {...bigField} prefix={<LockOutlined />} autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('setup.confirm')}
              dependencies={['password']}
              rules={[
                { required: true },
                ({ getFieldValue }) => ({
                  validator: (_rule, value) => (value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('setup.mismatch')))),
                }),
              ]}
            >
              <Input.Password {...bigField} prefix={<LockOutlined />} autoComplete="new-password" />
            </Form.Item>
            <SetupHotlineFields />
            <Form.Item name="demoSite" valuePropName="checked" initialValue={true} extra={t('setup.demoSiteHint')}>
              <Checkbox style={{ fontSize: 16 }}>{t('setup.demoSite')}</Checkbox>
            </Form.Item>
            {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16, fontSize: 16 }} />}
            <Button type="primary" htmlType="submit" size="large" block loading={busy} style={{ height: 52, fontSize: 18 }}>
              {t('setup.submit')}
            </Button>
          </Form>
        ) : (
          <Form<LoginValues> layout="vertical" requiredMark={false} disabled={busy} onFinish={(v) => void submit(() => consoleClient().invoke('auth.login', v))}>
            <Typography.Title level={3}>{t('login.title')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
            {ended && <Alert type="info" showIcon message={t(`login.ended.${ended}`)} style={{ marginBottom: 16 }} />}
            <Form.Item name="name" label={t('login.name')} rules={[{ required: true }]}>
              <Input {...bigField} prefix={<UserOutlined />} autoFocus autoComplete="username" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
              <Input.Password {...bigField} prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16, fontSize: 16 }} />}
            <Button type="primary" htmlType="submit" size="large" block loading={busy} style={{ height: 52, fontSize: 18 }}>
              {t('login.submit')}
            </Button>
          </Form>
        )}
      </Card>
      <HotlineLine />
      <Segmented<Language>
        aria-label={t('common:language.label')}
        value={i18n.language === 'en' ? 'en' : 'zh-CN'}
        onChange={switchLanguage}
        options={[
          { label: t('common:language.zh'), value: 'zh-CN' },
          { label: t('common:language.en'), value: 'en' },
        ]}
      />
    </Flex>
  );
}

/** Whoever stands at the console, signed in or not, can see whom to call right now. */
function HotlineLine() {
  const { t } = useTranslation('operators');
  const hotline = useContractQuery('settings.hotlineNow', {}, { refetchInterval: 60_000 });
  if (!hotline.data) return null;
  const { kind, number, reason } = hotline.data;
  return (
    <Typography.Text style={{ fontSize: 18 }}>
      <PhoneOutlined style={{ marginRight: 8 }} />
      {number ? t('login.hotline', { label: t(`hotlineKind.${kind}`), number, reason: t(`reasons.${reason}`) }) : t('login.hotlineUnset')}
    </Typography.Text>
  );
}
