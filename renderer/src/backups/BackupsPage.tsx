// The administrator's backups: where they go and when, a backup now, the backups there with restore, the latest
// runs, and the recovery kit for restoring on another PC.
import { CloudDownloadOutlined, KeyOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Modal, Result, Spin, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError, type BackupSettings, type BackupSummary } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { formatTime, useEnglish } from '../incidents/incident-format';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { formatBytes, reloadWhenRestarted } from './restart-wait';

export function BackupsPage() {
  const { t } = useTranslation('backups');
  const english = useEnglish();
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const overview = useContractQuery('backups.overview', {});
  const info = useContractQuery('system.info', {});
  const save = useContractCommand('backups.saveSettings', ['backups.']);
  const run = useContractCommand('backups.run', ['backups.', 'alarms.']);
  const [restoring, setRestoring] = useState<BackupSummary | null>(null);

  if (overview.error) return <Result status="error" title={errorMessage(overview.error)} />;
  if (!overview.data) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  const view = overview.data;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 980 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Card title={t('settings.title')}>
        <Form<BackupSettings>
          layout="vertical"
          initialValues={view.settings}
          onFinish={(values) =>
            save.mutate(values, { onSuccess: () => void message.success(t('settings.saved')), onError: (err) => void message.error(errorMessage(err)) })
          }
        >
          <Form.Item name="enabled" label={t('settings.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="folder" label={t('settings.folder')} extra={t('settings.folderHint')}>
            <Input size="large" />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item name="hour" label={t('settings.hour')} rules={[{ required: true }]}>
              <InputNumber size="large" min={0} max={23} />
            </Form.Item>
            <Form.Item name="keepDaily" label={t('settings.keepDaily')} rules={[{ required: true }]}>
              <InputNumber size="large" min={1} max={60} />
            </Form.Item>
            <Form.Item name="keepWeekly" label={t('settings.keepWeekly')} rules={[{ required: true }]}>
              <InputNumber size="large" min={0} max={52} />
            </Form.Item>
            <Form.Item name="keepMonthly" label={t('settings.keepMonthly')} rules={[{ required: true }]}>
              <InputNumber size="large" min={0} max={120} />
            </Form.Item>
          </Flex>
          <Button type="primary" size="large" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
            {t('common:actions.save')}
          </Button>
        </Form>
      </Card>

      <Card
        title={t('backups.title')}
        extra={
          <Button
            type="primary"
            size="large"
            icon={<CloudDownloadOutlined />}
            disabled={!view.settings.folder}
            loading={run.isPending}
            onClick={() =>
              run.mutate({}, { onSuccess: (made) => void message.success(t('backups.made', { name: made.name })), onError: (err) => void message.error(errorMessage(err)) })
            }
          >
            {t('backups.runNow')}
          </Button>
        }
      >
        {view.nextDueAt !== null && <Typography.Paragraph type="secondary">{t('backups.nextDue', { at: formatTime(view.nextDueAt, english, false) })}</Typography.Paragraph>}
        {!view.settings.folder && <Alert type="info" showIcon message={t('backups.noFolder')} />}
        {view.folderError && <Alert type="warning" showIcon message={errorMessage(new AppError(view.folderError, view.folderError, { folder: view.settings.folder }))} />}
        {view.settings.folder && !view.folderError && (
          <Table<BackupSummary>
            rowKey="name"
            size="middle"
            pagination={false}
            dataSource={view.backups}
            locale={{ emptyText: t('backups.empty') }}
            columns={[
              { title: t('backups.createdAt'), dataIndex: 'createdAt', render: (at: number) => formatTime(at, english, false) },
              { title: t('backups.name'), dataIndex: 'name' },
              { title: t('backups.size'), dataIndex: 'totalBytes', render: (b: number) => formatBytes(b) },
              { title: t('backups.journal'), dataIndex: 'journalSeq' },
              {
                key: 'restore',
                render: (_: unknown, b) => (
                  <Flex gap={8} align="center">
                    {!b.sameKey && <Tag color="orange">{t('backups.otherKey')}</Tag>}
                    <Button danger onClick={() => setRestoring(b)}>
                      {t('backups.restore')}
                    </Button>
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Card>

      <Card title={t('runs.title')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={view.runs}
          columns={[
            { title: t('backups.createdAt'), dataIndex: 'startedAt', render: (at: number) => formatTime(at, english, false) },
            { dataIndex: 'trigger', render: (tr: 'scheduled' | 'manual') => t(`runs.${tr}`) },
            { dataIndex: 'ok', render: (ok: boolean) => <Tag color={ok ? 'green' : 'red'}>{ok ? t('runs.ok') : t('runs.failed')}</Tag> },
            { dataIndex: 'name', render: (name: string | null, r) => name ?? (r.error ? errorMessage(new AppError(r.error.split(':')[0]!, r.error, { folder: r.folder })) : '') },
          ]}
        />
      </Card>

      <RecoveryKitCard />
      {restoring && info.data && <RestoreDialog backup={restoring} startedAt={info.data.startedAt} onClose={() => setRestoring(null)} />}
    </Flex>
  );
}

function RestoreDialog({ backup, startedAt, onClose }: { backup: BackupSummary; startedAt: number; onClose: () => void }) {
  const { t } = useTranslation('backups');
  const errorMessage = useErrorMessage();
  const restore = useContractCommand('backups.restore');
  const [form] = Form.useForm<{ kitPath?: string; passphrase?: string }>();
  return (
    <Modal
      open
      title={t('restore.confirmTitle', { name: backup.name })}
      okText={t('restore.confirm')}
      okButtonProps={{ danger: true, size: 'large', loading: restore.isPending, disabled: restore.isSuccess }}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onClose}
      onOk={() =>
        void form.validateFields().then((values) =>
          restore.mutate(
            { name: backup.name, kitPath: values.kitPath || undefined, passphrase: values.passphrase || undefined },
            { onSuccess: (staged) => staged.restarting && reloadWhenRestarted(startedAt) },
          ),
        )
      }
    >
      <Typography.Paragraph>{t('restore.confirmText')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        {!backup.sameKey && (
          <>
            <Form.Item name="kitPath" label={t('restore.kitPath')} rules={[{ required: true }]}>
              <Input size="large" />
            </Form.Item>
            <Form.Item name="passphrase" label={t('restore.passphrase')} rules={[{ required: true }]}>
              <Input.Password size="large" />
            </Form.Item>
          </>
        )}
      </Form>
      {restore.error && <Alert type="error" showIcon message={errorMessage(restore.error)} />}
      {restore.isSuccess && <Alert type="success" showIcon message={t('restore.restarting')} />}
    </Modal>
  );
}

function RecoveryKitCard() {
  const { t } = useTranslation('backups');
  const errorMessage = useErrorMessage();
  const exportKit = useContractCommand('backups.exportRecoveryKit', ['journal.']);
  return (
    <Card title={t('kit.title')}>
      <Typography.Paragraph type="secondary">{t('kit.intro')}</Typography.Paragraph>
      <Form<{ folder: string; passphrase: string; again: string }> layout="vertical" onFinish={(v) => exportKit.mutate({ folder: v.folder, passphrase: v.passphrase })}>
        <Form.Item name="folder" label={t('kit.folder')} rules={[{ required: true }]}>
          <Input size="large" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="passphrase" label={t('kit.passphrase')} rules={[{ required: true, min: 12 }]} style={{ flex: 1, minWidth: 240 }}>
            <Input.Password size="large" autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="again"
            label={t('kit.passphraseAgain')}
            dependencies={['passphrase']}
            style={{ flex: 1, minWidth: 240 }}
            rules={[{ required: true }, ({ getFieldValue }) => ({ validator: async (_r, v) => (v === getFieldValue('passphrase') ? undefined : Promise.reject(new Error(t('kit.mismatch')))) })]}
          >
            <Input.Password size="large" autoComplete="new-password" />
          </Form.Item>
        </Flex>
        {exportKit.error && <Alert type="error" showIcon message={errorMessage(exportKit.error)} style={{ marginBottom: 16 }} />}
        {exportKit.data && <Alert type="success" showIcon message={t('kit.exported', { path: exportKit.data.path })} style={{ marginBottom: 16 }} />}
        <Button size="large" htmlType="submit" icon={<KeyOutlined />} loading={exportKit.isPending}>
          {t('kit.export')}
        </Button>
      </Form>
    </Card>
  );
}
