// Administrators' settings: the two service hotlines with the working hours between them, and the idle lock.
import { CloudSyncOutlined, DatabaseOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConsoleSettings } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { WallSettingCard } from '../wall/WallSettingCard';
import { SettingsLinkCard } from './SettingsLinkCard';

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;
const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

export function SettingsPage() {
  const { t } = useTranslation('operators');
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const settings = useContractQuery('settings.get', {});
  const hotline = useContractQuery('settings.hotlineNow', {});
  const save = useContractCommand('settings.set', ['settings.', 'auth.status']);

  if (settings.error) return <Result status="error" title={t('settings.loadFailed')} subTitle={errorMessage(settings.error)} />;
  if (!settings.data) return <Spin />;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 760 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Form<ConsoleSettings>
        layout="vertical"
        initialValues={settings.data}
        onFinish={(values) =>
          save.mutate(
            { ...values, hotline: { ...settings.data.hotline, ...values.hotline, workingDays: [...values.hotline.workingDays].sort() } },
            { onSuccess: () => void message.success(t('settings.saved')), onError: (err) => void message.error(errorMessage(err)) },
          )
        }
      >
        <Card title={t('settings.hotlineSection')} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{t('settings.hotlineIntro')}</Typography.Paragraph>
          {hotline.data && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16, fontSize: 16 }}
              message={t('settings.now', {
                label: t(`hotlineKind.${hotline.data.kind}`),
                number: hotline.data.number || '—',
                reason: t(`reasons.${hotline.data.reason}`),
              })}
            />
          )}
          <Flex gap={16} wrap>
            <Form.Item name={['hotline', 'staffedNumber']} label={t('settings.staffedNumber')} style={{ flex: 1, minWidth: 240 }} rules={[{ max: 40 }]}>
              <Input size="large" placeholder="400-000-0000" />
            </Form.Item>
            <Form.Item name={['hotline', 'mobileNumber']} label={t('settings.mobileNumber')} style={{ flex: 1, minWidth: 240 }} rules={[{ max: 40 }]}>
              <Input size="large" placeholder="138-0000-0000" />
            </Form.Item>
          </Flex>
          <Form.Item name={['hotline', 'workingDays']} label={t('settings.workingDays')}>
            <Checkbox.Group options={weekdays.map((d) => ({ value: d, label: t(`weekdays.${d}`) }))} />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item name={['hotline', 'workStart']} label={t('settings.workStart')} extra={t('settings.timeFormat')} rules={[{ required: true, pattern: timePattern }]}>
              <Input style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name={['hotline', 'workEnd']} label={t('settings.workEnd')} rules={[{ required: true, pattern: timePattern }]}>
              <Input style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name={['hotline', 'timeZone']} label={t('settings.timeZone')} rules={[{ required: true }]}>
              <Input style={{ width: 220 }} />
            </Form.Item>
          </Flex>
        </Card>
        <Card title={t('settings.idleSection')} style={{ marginBottom: 16 }}>
          <Form.Item name="idleLockMinutes" label={t('settings.idleLockMinutes')} rules={[{ required: true }]}>
            <InputNumber min={1} max={240} addonAfter={t('settings.minutes')} style={{ width: 200 }} />
          </Form.Item>
        </Card>
        <Button type="primary" htmlType="submit" size="large" loading={save.isPending}>
          {t('common:actions.save')}
        </Button>
      </Form>
      <WallSettingCard />
      {/* The field operations, each on its own page. */}
      <SettingsLinkCard icon={<DatabaseOutlined />} title={t('backups:settingsLink')} hint={t('backups:settingsLinkHint')} open={t('backups:open')} to="/settings/backups" />
      <SettingsLinkCard icon={<CloudSyncOutlined />} title={t('updates:settingsLink')} hint={t('updates:settingsLinkHint')} open={t('updates:open')} to="/settings/updates" />
      <SettingsLinkCard icon={<ThunderboltOutlined />} title={t('power:title')} hint={t('power:linkHint')} open={t('power:open')} to="/settings/power" />
    </Flex>
  );
}
