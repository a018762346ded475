// Settings: the administrator's switch for the wall screen, and where the wall shows: in the desktop app its own
// window on the second display; in a browser the wall's lasting address (the wall key), which can be changed.
import { App, Button, Card, Flex, Popconfirm, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/use-error-message';
import { useContractCommand, useContractQuery } from '../transport/use-contract';

/**
 * The wall's address on this host: the wall key in place of the console's per-start token, so the wall monitor's
 * bookmark survives the host's restarts; it opens the wall and nothing else.
 */
export function wallAddress(key: string): string {
  return `${window.location.origin}${window.location.pathname}?wall=${encodeURIComponent(key)}#/wall`;
}

export function WallSettingCard() {
  const { t } = useTranslation('wall');
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const settings = useContractQuery('wall.settings', {});
  const info = useContractQuery('system.info', {}, { staleTime: Number.POSITIVE_INFINITY });
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
      {enabled && info.data?.transport === 'electron' && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} data-testid="wall-window">
          {t('setting.window')}
        </Typography.Paragraph>
      )}
      {enabled && info.data?.transport === 'web' && <WallAddress />}
    </Card>
  );
}

function WallAddress() {
  const { t } = useTranslation('wall');
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const key = useContractQuery('wall.key', {});
  const rotate = useContractCommand('wall.rotateKey', ['wall.']);
  if (!key.data?.key) return null;
  return (
    <Flex vertical gap={6} style={{ marginTop: 12 }}>
      <Typography.Text>{t('setting.url')}</Typography.Text>
      <Flex align="center" gap={12} wrap>
        <Typography.Text copyable code data-testid="wall-address">
          {wallAddress(key.data.key)}
        </Typography.Text>
        <Popconfirm
          title={t('setting.rotate')}
          description={t('setting.rotateConfirm')}
          onConfirm={() =>
            rotate.mutate({}, { onSuccess: () => void message.success(t('setting.rotated')), onError: (err) => void message.error(errorMessage(err)) })
          }
        >
          <Button loading={rotate.isPending}>{t('setting.rotate')}</Button>
        </Popconfirm>
      </Flex>
    </Flex>
  );
}
