// Settings: the administrator's switch for the wall screen, and the address the wall monitor opens.
import { App, Card, Flex, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/use-error-message';
import { useContractCommand, useContractQuery } from '../transport/use-contract';

/** This page's address with the wall's route: the same host (and its access token) the console was opened with. */
export function wallAddress(): string {
  return `${window.location.origin}${window.location.pathname}${window.location.search}#/wall`;
}

export function WallSettingCard() {
  const { t } = useTranslation('wall');
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const settings = useContractQuery('wall.settings', {});
  const save = useContractCommand('wall.setEnabled', ['wall.']);
  const enabled = settings.data?.enabled ?? false;
  return (
    <Card title={t('setting.title')} data-testid="wall-setting">
      <Typography.Paragraph type="secondary">{t('setting.help')}</Typography.Paragraph>
      <Flex align="center" gap={12}>
        <Switch
          id="wall-enabled"
          checked={enabled}
          loading={settings.isPending || save.isPending}
          onChange={(on) =>
            save.mutate(
              { enabled: on },
              { onSuccess: () => void message.success(t(on ? 'setting.enabled' : 'setting.disabled')), onError: (err) => void message.error(errorMessage(err)) },
            )
          }
        />
        <label htmlFor="wall-enabled" style={{ fontSize: 16 }}>
          {t('setting.enable')}
        </label>
      </Flex>
      {enabled && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          {t('setting.url')}
          <br />
          <Typography.Text copyable code data-testid="wall-address">
            {wallAddress()}
          </Typography.Text>
        </Typography.Paragraph>
      )}
    </Card>
  );
}
