// On the settings page: whether a UPS's battery-low report powers the PC down, after how long on battery, and how.
import { App, Button, Card, Form, Input, InputNumber, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/use-error-message';
import { useContractCommand, useContractQuery } from '../transport/use-contract';

interface UpsForm {
  enabled: boolean;
  onBatterySeconds: number;
  command: string;
}

export function UpsShutdownCard() {
  const { t } = useTranslation('power');
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const settings = useContractQuery('power.getSettings', {});
  const save = useContractCommand('power.saveSettings', ['power.']);
  if (!settings.data) return null;
  return (
    <Card title={t('title')}>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Form<UpsForm>
        layout="vertical"
        initialValues={{ ...settings.data, command: settings.data.command.join(' ') }}
        onFinish={(v) =>
          save.mutate(
            { enabled: v.enabled, onBatterySeconds: v.onBatterySeconds, command: v.command.split(/\s+/).filter(Boolean) },
            { onSuccess: () => void message.success(t('saved')), onError: (err) => void message.error(errorMessage(err)) },
          )
        }
      >
        <Form.Item name="enabled" label={t('enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="onBatterySeconds" label={t('onBatterySeconds')} rules={[{ required: true }]}>
          <InputNumber size="large" min={0} max={86400} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="command" label={t('command')} extra={t('commandHint')}>
          <Input size="large" placeholder="systemctl poweroff" />
        </Form.Item>
        <Button type="primary" size="large" htmlType="submit" loading={save.isPending}>
          {t('common:actions.save')}
        </Button>
      </Form>
    </Card>
  );
}
