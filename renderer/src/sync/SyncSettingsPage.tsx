// The administrator's sync settings: where the ticket system is, the write-only key, TLS CA and proxy, the mapping;
// "Test connection" checks the form's settings before (or after) they are saved.
import { ApiOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Result, Row, Spin, Switch, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncCheck } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { formatTime, useEnglish } from '../incidents/incident-format';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { SyncCheckList } from './SyncCheckList';
import { SyncMappingFields } from './SyncMappingFields';
import { formValuesOf, settingsInputOf, type SyncSettingsFormValues } from './sync-settings-form';

const urlPattern = /^$|^https?:\/\/[^\s]+$/i;

export function SyncSettingsPage() {
  const { t } = useTranslation('sync');
  const english = useEnglish();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const settings = useContractQuery('sync.getSettings', {});
  const save = useContractCommand('sync.saveSettings', ['sync.']);
  const test = useContractCommand('sync.testConnection');
  const [form] = Form.useForm<SyncSettingsFormValues>();
  const [replacingKey, setReplacingKey] = useState(false);
  const [checks, setChecks] = useState<SyncCheck[] | null>(null);
  // A field's error was worded when it was found: word it again in the language just switched to.
  useEffect(() => {
    const shown = form.getFieldsError().filter((f) => f.errors.length > 0).map((f) => f.name);
    // The rejection is the failed validation itself, already shown on the fields.
    if (shown.length > 0) form.validateFields(shown).catch(() => undefined);
  }, [english, form]);

  if (settings.error) return <Result status="error" title={errorMessage(settings.error)} />;
  if (!settings.data) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  const view = settings.data;

  const runTest = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setChecks(null);
    test.mutate({ settings: settingsInputOf(values) }, { onSuccess: setChecks });
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }} data-testid="sync-settings">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('settings.intro')}
      </Typography.Paragraph>
      <Form<SyncSettingsFormValues>
        form={form}
        layout="vertical"
        initialValues={formValuesOf(view)}
        onFinish={(values) =>
          save.mutate(settingsInputOf(values), {
            onSuccess: () => {
              void message.success(t('settings.saved'));
              setReplacingKey(false);
              form.setFieldValue('apiKey', undefined);
            },
            onError: (err) => void message.error(errorMessage(err)),
          })
        }
      >
        <Flex vertical gap={16}>
          <Card title={t('settings.connection')}>
            <Form.Item name="enabled" label={t('settings.enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="url" label={t('settings.url')} rules={[{ pattern: urlPattern, message: t('errors:sync_url_invalid') }, { max: 500 }]}>
                  <Input size="large" placeholder={t('settings.urlPlaceholder')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="project" label={t('settings.project')} rules={[{ max: 100 }]}>
                  <Input size="large" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label={t('settings.apiKey')} extra={t('settings.apiKeyHint')} required={false}>
              <Flex gap={12} align="center" wrap>
                <Tag color={view.apiKeySet ? 'success' : 'warning'} style={{ fontSize: 15, padding: '4px 10px' }} data-testid="sync-api-key-state">
                  {view.apiKeySet ? t('settings.apiKeySet') : t('settings.apiKeyNotSet')}
                </Tag>
                {replacingKey ? (
                  <>
                    <Form.Item name="apiKey" noStyle rules={[{ max: 200 }]}>
                      <Input.Password size="large" visibilityToggle={false} autoComplete="off" placeholder={t('settings.apiKeyPlaceholder')} aria-label={t('settings.apiKey')} style={{ width: 360 }} autoFocus />
                    </Form.Item>
                    <Button size="large" onClick={() => { setReplacingKey(false); form.setFieldValue('apiKey', undefined); }}>
                      {t('settings.apiKeyKeep')}
                    </Button>
                  </>
                ) : (
                  <Button size="large" onClick={() => setReplacingKey(true)}>
                    {t('settings.apiKeyReplace')}
                  </Button>
                )}
              </Flex>
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="siteName" label={t('settings.siteName')} rules={[{ max: 100 }]}>
                  <Input size="large" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="caFilePath" label={t('settings.caFilePath')} extra={t('settings.caFileHint')} rules={[{ max: 1000 }]}>
                  <Input size="large" placeholder="C:\certs\company-ca.pem" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="proxyUrl" label={t('settings.proxyUrl')} rules={[{ pattern: urlPattern, message: t('errors:sync_proxy_invalid') }, { max: 500 }]}>
                  <Input size="large" placeholder={t('settings.proxyPlaceholder')} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <SyncMappingFields />
          <Card title={t('settings.actions')}>
            <Typography.Paragraph type="secondary">{t('settings.testUnsaved')}</Typography.Paragraph>
            <Flex gap={12} wrap style={{ marginBottom: 12 }}>
              <Button size="large" type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
                {t('settings.save')}
              </Button>
              <Button size="large" icon={<ApiOutlined />} loading={test.isPending} onClick={() => void runTest()}>
                {test.isPending ? t('settings.testing') : t('settings.test')}
              </Button>
              {view.updatedAt !== null && (
                <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
                  {t('settings.updatedAt', { time: formatTime(view.updatedAt, english) })}
                </Typography.Text>
              )}
            </Flex>
            {test.isError && <Alert type="error" showIcon title={errorMessage(test.error)} />}
            {checks && <SyncCheckList checks={checks} />}
          </Card>
        </Flex>
      </Form>
    </Flex>
  );
}
