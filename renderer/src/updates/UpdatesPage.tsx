// The administrator's updates: where they come from, check (the feed read, the installer fetched and verified), and
// install once nothing waits.
import { CloudSyncOutlined, RocketOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Radio, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AppError, type UpdateSourceSetting } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { formatTime, useEnglish } from '../incidents/incident-format';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { UpdateWaitingBanner } from './UpdateWaitingBanner';

interface SourceForm {
  kind: UpdateSourceSetting['kind'];
  url?: string;
  folder?: string;
}

function sourceOf(values: SourceForm): UpdateSourceSetting {
  if (values.kind === 'url') return { kind: 'url', url: values.url ?? '' };
  if (values.kind === 'folder') return { kind: 'folder', folder: values.folder ?? '' };
  return { kind: 'none' };
}

export function UpdatesPage() {
  const { t } = useTranslation('updates');
  const english = useEnglish();
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const status = useContractQuery('updates.status', {});
  const save = useContractCommand('updates.saveSource', ['updates.']);
  const check = useContractCommand('updates.check', ['updates.']);
  const install = useContractCommand('updates.install', ['updates.']);
  const [form] = Form.useForm<SourceForm>();
  const kind = Form.useWatch('kind', form);

  if (status.error) return <Result status="error" title={errorMessage(status.error)} />;
  if (!status.data) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  const s = status.data;
  const stateText =
    s.state === 'failed' && s.error
      ? t('state.failed', { error: errorMessage(new AppError(s.error, s.error)) })
      : t(`state.${s.state}`, { version: s.available?.version ?? '' });

  return (
    <Flex vertical gap={16} style={{ maxWidth: 880 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Text style={{ fontSize: 16 }}>{t('current', { version: s.currentVersion })}</Typography.Text>
      <Card title={t('source.title')}>
        <Form<SourceForm>
          form={form}
          layout="vertical"
          initialValues={{ kind: s.source.kind, url: s.source.kind === 'url' ? s.source.url : '', folder: s.source.kind === 'folder' ? s.source.folder : '' }}
          onFinish={(values) =>
            save.mutate(sourceOf(values), { onSuccess: () => void message.success(t('source.saved')), onError: (err) => void message.error(errorMessage(err)) })
          }
        >
          <Form.Item name="kind" label={t('source.kind')}>
            <Radio.Group size="large">
              <Flex vertical gap={8}>
                <Radio value="none">{t('source.none')}</Radio>
                <Radio value="url">{t('source.url')}</Radio>
                <Radio value="folder">{t('source.folder')}</Radio>
              </Flex>
            </Radio.Group>
          </Form.Item>
          {kind === 'url' && (
            <Form.Item name="url" label={t('source.urlLabel')} rules={[{ required: true, pattern: /^https?:\/\/\S+$/i, message: errorMessage(new AppError('update_url_invalid', '')) }]}>
              <Input size="large" placeholder="https://updates.example.com/duty-console/" />
            </Form.Item>
          )}
          {kind === 'folder' && (
            <Form.Item name="folder" label={t('source.folderLabel')} rules={[{ required: true }]}>
              <Input size="large" placeholder="/media/usb/duty-console-update" />
            </Form.Item>
          )}
          <Button type="primary" size="large" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
            {t('common:actions.save')}
          </Button>
        </Form>
      </Card>
      <Card title={t('title')}>
        <Flex vertical gap={12}>
          <Alert type={s.state === 'failed' || s.state === 'refused' ? 'warning' : s.state === 'ready' ? 'success' : 'info'} showIcon message={<span data-testid="update-state">{stateText}</span>} />
          {s.checkedAt !== null && <Typography.Text type="secondary">{t('checkedAt', { at: formatTime(s.checkedAt, english, false) })}</Typography.Text>}
          <UpdateWaitingBanner />
          {install.error && <Alert type="error" showIcon message={errorMessage(install.error)} />}
          <Flex gap={12} wrap>
            <Button size="large" icon={<CloudSyncOutlined />} disabled={s.source.kind === 'none'} loading={check.isPending} onClick={() => check.mutate({})}>
              {t('check')}
            </Button>
            <Button type="primary" size="large" icon={<RocketOutlined />} disabled={s.state !== 'ready'} loading={install.isPending} onClick={() => install.mutate({})}>
              {t('install')}
            </Button>
          </Flex>
        </Flex>
      </Card>
    </Flex>
  );
}
