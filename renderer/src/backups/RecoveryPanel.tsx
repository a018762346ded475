// The damaged-database screen's restore: list the backups in the configured (or a typed) folder, pick one, confirm
// with an administrator account of that backup; the console verifies it, restarts on it and the page reloads.
import { Alert, Button, Card, Flex, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError, type RecoveryBackupList } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { formatTime, useEnglish } from '../incidents/incident-format';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { formatBytes, reloadWhenRestarted } from './restart-wait';

interface RecoveryForm {
  login: string;
  password: string;
  kitPath?: string;
  passphrase?: string;
}

export function RecoveryPanel({ startedAt }: { startedAt: number }) {
  const { t } = useTranslation('backups');
  const english = useEnglish();
  const errorMessage = useErrorMessage();
  const [folder, setFolder] = useState<string | undefined>(undefined);
  const [typed, setTyped] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const listed = useContractQuery('recovery.backups', folder ? { folder } : {});
  const restore = useContractCommand('recovery.restore');
  const list: RecoveryBackupList | undefined = listed.data;
  const pickedBackup = list?.backups.find((b) => b.name === picked);

  if (restore.data) return <Alert type="success" showIcon style={{ fontSize: 18 }} message={<span data-testid="restore-restarting">{t('restore.restarting')}</span>} />;

  return (
    <Card title={t('recovery.title')} style={{ maxWidth: 760, margin: '24px auto 0', textAlign: 'left' }}>
      <Typography.Paragraph type="secondary">{t('recovery.intro')}</Typography.Paragraph>
      <Flex gap={8} style={{ marginBottom: 16 }}>
        <Input
          size="large"
          aria-label={t('recovery.folder')}
          placeholder={list?.folder || t('recovery.folder')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <Button size="large" onClick={() => setFolder(typed.trim() || undefined)}>
          {t('recovery.list')}
        </Button>
      </Flex>
      {listed.error && <Alert type="error" showIcon message={errorMessage(listed.error)} style={{ marginBottom: 16 }} />}
      {list?.folderError && <Alert type="warning" showIcon message={errorMessage(new AppError(list.folderError, list.folderError, { folder: list.folder }))} style={{ marginBottom: 16 }} />}
      {list && !list.folderError && list.backups.length === 0 && <Alert type="info" message={t('backups.empty')} style={{ marginBottom: 16 }} />}
      <Radio.Group value={picked} onChange={(e) => setPicked(e.target.value as string)} style={{ width: '100%', marginBottom: 16 }}>
        <Flex vertical gap={8}>
          {list?.backups.map((b) => (
            <Radio key={b.name} value={b.name} style={{ fontSize: 16, padding: 8 }}>
              {formatTime(b.createdAt, english, false)} · {b.name} · {formatBytes(b.totalBytes)}
              {!b.sameKey && ` · ${t('backups.otherKey')}`}
            </Radio>
          ))}
        </Flex>
      </Radio.Group>
      <Form<RecoveryForm>
        layout="vertical"
        onFinish={(values) => {
          if (!picked) return;
          restore.mutate(
            { ...values, name: picked, ...(folder ? { folder } : {}), kitPath: values.kitPath || undefined, passphrase: values.passphrase || undefined },
            { onSuccess: (staged) => staged.restarting && reloadWhenRestarted(startedAt) },
          );
        }}
      >
        <Flex gap={16} wrap>
          <Form.Item name="login" label={t('recovery.login')} rules={[{ required: true }]} style={{ flex: 1, minWidth: 220 }}>
            <Input size="large" autoComplete="off" />
          </Form.Item>
          <Form.Item name="password" label={t('recovery.password')} rules={[{ required: true }]} style={{ flex: 1, minWidth: 220 }}>
            <Input.Password size="large" autoComplete="off" />
          </Form.Item>
        </Flex>
        {pickedBackup && !pickedBackup.sameKey && (
          <Flex gap={16} wrap>
            <Form.Item name="kitPath" label={t('restore.kitPath')} rules={[{ required: true }]} style={{ flex: 2, minWidth: 280 }}>
              <Input size="large" />
            </Form.Item>
            <Form.Item name="passphrase" label={t('restore.passphrase')} rules={[{ required: true }]} style={{ flex: 1, minWidth: 220 }}>
              <Input.Password size="large" />
            </Form.Item>
          </Flex>
        )}
        {restore.error && <Alert type="error" showIcon message={errorMessage(restore.error)} style={{ marginBottom: 16 }} />}
        <Button type="primary" danger size="large" htmlType="submit" disabled={!picked} loading={restore.isPending}>
          {picked ? t('recovery.restore') : t('recovery.pick')}
        </Button>
      </Form>
    </Card>
  );
}
