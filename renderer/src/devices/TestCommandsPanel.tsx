// The driver's test commands with their typed parameters; dangerous ones (open a door, disarm) ask first, in red.
import { ExclamationCircleFilled, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TestCommandResult } from '../../../shared/contract/links';
import type { TestCommandSpec } from '../../../shared/domain/devices/device-signals';
import { alarmColours } from '../app/theme';
import { useErrorMessage } from '../app/use-error-message';
import { useEnglish } from '../incidents/incident-format';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { filledParams, type ParamValue } from './test-command-params';


export function TestCommandsPanel({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation('devices');
  const specs = useContractQuery('links.testCommands', { id: deviceId }, { staleTime: 60_000 });
  return (
    <Card title={t('diag.commands')} size="small">
      {specs.data?.length === 0 && <Typography.Text type="secondary">{t('diag.noCommands')}</Typography.Text>}
      <Flex vertical gap={12}>
        {(specs.data ?? []).map((spec) => (
          <TestCommand key={spec.id} deviceId={deviceId} spec={spec} />
        ))}
      </Flex>
    </Card>
  );
}

function TestCommand({ deviceId, spec }: { deviceId: string; spec: TestCommandSpec }) {
  const { t } = useTranslation('devices');
  const english = useEnglish();
  const { modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const run = useContractCommand('links.runTestCommand', ['links.', 'journal.']);
  const [form] = Form.useForm<Record<string, ParamValue>>();
  const [result, setResult] = useState<TestCommandResult | null>(null);
  const label = spec.label[english ? 'en' : 'zh'];
  const paramEntries = Object.entries(spec.params);

  const send = async (confirmed: boolean) => {
    // A command without params has no form on screen to read.
    const params = paramEntries.length > 0 ? filledParams(await form.validateFields()) : {};
    setResult(null);
    run.mutate({ id: deviceId, commandId: spec.id, params, confirmed }, { onSuccess: setResult });
  };

  const onSend = () => {
    if (!spec.dangerous) return void send(false);
    modal.confirm({
      title: t('diag.dangerTitle'),
      icon: <ExclamationCircleFilled style={{ color: alarmColours.critical }} />,
      content: t('diag.dangerHint', { label }),
      okText: t('diag.dangerOk'),
      okButtonProps: { danger: true, size: 'large' },
      cancelText: t('common:actions.cancel'),
      cancelButtonProps: { size: 'large' },
      onOk: () => send(true),
    });
  };

  return (
    <div
      data-testid="test-command"
      data-command-id={spec.id}
      style={{ padding: 12, borderRadius: 6, border: `1px solid ${spec.dangerous ? alarmColours.critical : '#303030'}` }}
    >
      <Flex gap={12} align="center">
        <Typography.Text strong style={{ fontSize: 16 }}>
          {label}
        </Typography.Text>
        {spec.dangerous && <Tag color="red">{t('diag.dangerous')}</Tag>}
        <div style={{ flex: 1 }} />
        <Button type="primary" danger={spec.dangerous} icon={<SendOutlined />} loading={run.isPending} onClick={onSend}>
          {t('diag.run')}
        </Button>
      </Flex>
      {paramEntries.length > 0 && (
        <Form form={form} layout="inline" style={{ marginTop: 8, rowGap: 8 }}>
          {paramEntries.map(([name, kind]) => (
            <Form.Item key={name} name={name} label={t(`diag.param.${name}`, { defaultValue: name })} valuePropName={kind === 'boolean' ? 'checked' : 'value'}>
              {kind === 'number' ? (
                <InputNumber style={{ width: 110 }} placeholder={t('diag.paramDefault')} />
              ) : kind === 'boolean' ? (
                <Switch />
              ) : (
                <Input style={{ width: 200 }} maxLength={200} placeholder={t(`diag.paramHint.${name}`, { defaultValue: t('diag.paramDefault') })} />
              )}
            </Form.Item>
          ))}
        </Form>
      )}
      {result && (
        <Alert
          data-testid="test-command-result"
          style={{ marginTop: 8 }}
          type="success"
          showIcon
          title={t('diag.resultAt', { time: dayjs(result.at).format('HH:mm:ss') })}
          description={<span style={{ whiteSpace: 'pre-wrap', fontFamily: 'monospace' }}>{result.result}</span>}
        />
      )}
      {run.isError && <Alert style={{ marginTop: 8 }} type="error" showIcon title={errorMessage(run.error)} />}
    </div>
  );
}
