// Adding or editing a link: name and asset, driver, serial port (picked from this machine's list), serial and protocol settings.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, type FormInstance, Input, Result, Select, Spin, Switch, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { type LinkInput, type LinkView, type DriverKind, driverKinds, type PortMatch, type SerialPortSettings } from '../../../shared/contract/links';
import { AppError } from '../../../shared/contract/app-error';
import { useErrorMessage } from '../app/use-error-message';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { RegisterDevicePicker } from '../assets/RegisterDevicePicker';
import { driverSerialDefaults, formToProtocol, type ProtocolFormValues, protocolIssueFields, protocolToForm } from './driver-settings';
import { choosePort } from './port-choice';
import { PortList } from './PortList';
import { ProtocolSettingsFields } from './ProtocolSettingsFields';
import { SerialSettingsFields } from './SerialSettingsFields';

interface FormValues {
  name: string;
  driver: DriverKind;
  assetId: string | null;
  enabled: boolean;
  portPath: string;
  portMatch: { serialNumber: string | null; vendorId: string | null; productId: string | null };
  serial: SerialPortSettings;
  protocol: ProtocolFormValues;
}

function initialValues(device: LinkView | undefined): FormValues {
  const driver = device?.driver ?? 'contact-id';
  return {
    name: device?.name ?? '',
    driver,
    assetId: device?.assetId ?? null,
    enabled: device?.enabled ?? true,
    portPath: device?.portPath ?? '',
    portMatch: device?.portMatch ?? { serialNumber: null, vendorId: null, productId: null },
    serial: device?.serial ?? driverSerialDefaults[driver],
    protocol: protocolToForm(driver, device?.protocol ?? {}),
  };
}

/** Blank identity fields mean "not known": null, so the core matches by path alone. */
function cleanMatch(match: FormValues['portMatch']): PortMatch {
  const clean = (v: string | null) => (v && v.trim() !== '' ? v.trim() : null);
  return { serialNumber: clean(match.serialNumber), vendorId: clean(match.vendorId), productId: clean(match.productId) };
}

export function LinkFormPage() {
  const { id } = useParams();
  const { t } = useTranslation('devices');
  const errorMessage = useErrorMessage();
  const existing = useContractQuery('links.get', { id: id ?? '' }, { enabled: Boolean(id), staleTime: Number.POSITIVE_INFINITY });
  if (id && existing.isPending) return <Spin size="large" />;
  if (id && existing.isError) return <Result status="error" title={t('form.loadFailed')} subTitle={errorMessage(existing.error)} />;
  return <LinkForm key={id ?? 'new'} device={existing.data} />;
}

function LinkForm({ device }: { device: LinkView | undefined }) {
  const { t } = useTranslation('devices');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<FormValues>();
  const initial = useMemo(() => initialValues(device), [device]);
  const driver = (Form.useWatch('driver', form) as DriverKind | undefined) ?? initial.driver;
  const portPath = Form.useWatch('portPath', form) as string | undefined;
  const create = useContractCommand('links.create', ['links.', 'journal.']);
  const update = useContractCommand('links.update', ['links.', 'journal.']);
  const saving = create.isPending || update.isPending;

  const changeDriver = (next: DriverKind) => {
    // Another kind of device speaks at other settings: start from its defaults.
    form.setFieldsValue({ serial: driverSerialDefaults[next], protocol: protocolToForm(next, next === device?.driver ? device.protocol : {}) });
  };

  const submit = async (values: FormValues) => {
    const fields: LinkInput = {
      name: values.name,
      driver: values.driver,
      portPath: values.portPath.trim(),
      portMatch: cleanMatch(values.portMatch),
      serial: values.serial,
      // Settings the form does not show (timeouts, CRC mode) stay as stored, unless the kind of device changed.
      protocol: formToProtocol(values.driver, values.protocol, device && device.driver === values.driver ? device.protocol : {}),
      assetId: values.assetId ?? null,
      enabled: values.enabled,
    };
    try {
      if (device) await update.mutateAsync({ id: device.id, fields });
      else await create.mutateAsync(fields);
      void message.success(device ? t('form.saved') : t('form.created'));
      void navigate('/devices');
    } catch (err) {
      if (err instanceof AppError) {
        // Issue paths reach into protocol settings whose shape varies by driver: not names the typed form knows.
        const anyFieldForm: FormInstance = form;
        anyFieldForm.setFields(protocolIssueFields(err).map((p) => ({ name: p.name, errors: [t(`issue.${p.code}`, { defaultValue: errorMessage(err) })] })));
      }
      void message.error(errorMessage(err));
    }
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100 }}>
      <Flex align="center" gap={12}>
        <Button size="large" icon={<ArrowLeftOutlined />} aria-label={t('diag.back')} onClick={() => void navigate('/devices')} />
        <Typography.Title level={3} style={{ margin: 0 }}>
          {device ? t('form.editTitle', { name: device.name }) : t('form.newTitle')}
        </Typography.Title>
      </Flex>
      <Form<FormValues> form={form} layout="vertical" size="large" requiredMark={false} initialValues={initial} onFinish={(v) => void submit(v)} scrollToFirstError>
        <Flex vertical gap={16}>
          <Card title={t('form.basics')}>
            <Flex gap={16} wrap>
              <Form.Item name="name" label={t('form.name')} rules={[{ required: true, whitespace: true, message: t('form.nameRequired') }]} style={{ flex: '1 1 320px' }}>
                <Input maxLength={100} placeholder={t('form.namePlaceholder')} />
              </Form.Item>
              <Form.Item name="driver" label={t('form.driver')} style={{ flex: '1 1 280px' }}>
                <Select<DriverKind> onChange={changeDriver} options={driverKinds.map((k) => ({ value: k, label: t(`driver.${k}`) }))} />
              </Form.Item>
              <Form.Item name="enabled" label={t('form.enabled')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Flex>
            <Form.Item name="assetId" label={t('form.asset')} extra={t('form.assetHelp')} style={{ marginBottom: 0 }}>
              <RegisterDevicePicker placeholder={t('form.assetPlaceholder')} notFoundText={t('form.noAssets')} />
            </Form.Item>
          </Card>

          <Card title={t('form.port')}>
            <Form.Item name="portPath" label={t('form.portPath')} rules={[{ required: true, whitespace: true, message: t('form.portPathRequired') }]}>
              <Input placeholder={t('form.portPathPlaceholder')} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
            <PortList chosenPath={portPath} onChoose={(port) => form.setFieldsValue(choosePort(port))} />
            <Typography.Paragraph strong style={{ marginTop: 16, marginBottom: 4 }}>
              {t('form.match')}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('form.matchHelp')}</Typography.Paragraph>
            <Flex gap={16} wrap>
              <Form.Item name={['portMatch', 'serialNumber']} label={t('form.serialNumber')} style={{ flex: '1 1 220px', marginBottom: 0 }}>
                <Input maxLength={128} />
              </Form.Item>
              <Form.Item name={['portMatch', 'vendorId']} label={t('form.vendorId')} style={{ width: 180, marginBottom: 0 }}>
                <Input maxLength={16} />
              </Form.Item>
              <Form.Item name={['portMatch', 'productId']} label={t('form.productId')} style={{ width: 180, marginBottom: 0 }}>
                <Input maxLength={16} />
              </Form.Item>
            </Flex>
          </Card>

          <Card title={t('form.serial')}>
            <SerialSettingsFields driver={driver} />
          </Card>

          <Card title={`${t('form.protocol')} · ${t(`driver.${driver}`)}`}>
            <ProtocolSettingsFields driver={driver} />
          </Card>

          {(create.isError || update.isError) && <Alert type="error" showIcon title={errorMessage(create.error ?? update.error)} />}
          <Flex gap={12}>
            <Button type="primary" htmlType="submit" loading={saving} style={{ minWidth: 160 }}>
              {t('common:actions.save')}
            </Button>
            <Button onClick={() => void navigate('/devices')}>{t('common:actions.cancel')}</Button>
          </Flex>
        </Flex>
      </Form>
    </Flex>
  );
}
