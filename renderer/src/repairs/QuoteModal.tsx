// Recording a replacement quote for a device beyond repair: one to five options (same model or same function), each
// with brand, model, price, supplier and how long the price holds.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Device, Incident, QuoteOptionKind } from '../../../shared/contract';
import { quoteOptionKinds } from '../../../shared/domain/repairs/repair-kinds';
import { useErrorMessage } from '../app/use-error-message';
import { useContractCommand } from '../transport/use-contract';
import { yuanToFen } from './money';

interface OptionFields {
  kind: QuoteOptionKind;
  brand?: string;
  model: string;
  price: number;
  supplier: string;
  validUntil: Dayjs;
  note?: string;
}

interface QuoteFields {
  deviceId: string;
  options: OptionFields[];
  note?: string;
}

export function QuoteModal({ incident, devices, onClose }: { incident: Incident; devices: Device[]; onClose(): void }) {
  const { t } = useTranslation('repairs');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<QuoteFields>();
  const record = useContractCommand('repairs.recordQuote', ['repairs.', 'incidents.', 'assets.']);
  const required = [{ required: true, whitespace: true, message: t('parts.required') }];
  const emptyOption = { kind: 'same_model', validUntil: dayjs().add(30, 'day') };
  const submit = (f: QuoteFields) =>
    record.mutate(
      {
        incidentId: incident.id,
        deviceId: f.deviceId,
        note: f.note ?? '',
        options: f.options.map((o) => ({
          kind: o.kind,
          brand: o.brand ?? '',
          model: o.model,
          priceFen: yuanToFen(o.price),
          supplier: o.supplier,
          validUntil: o.validUntil.format('YYYY-MM-DD'),
          note: o.note ?? '',
        })),
      },
      {
        onSuccess: () => {
          void message.success(t('quotes.saved'));
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={t('quotes.add')}
      okText={t('quotes.submit')}
      okButtonProps={{ size: 'large', loading: record.isPending }}
      cancelButtonProps={{ size: 'large' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={720}
    >
      <Typography.Paragraph type="secondary">{t('quotes.intro')}</Typography.Paragraph>
      {record.isError && <Alert type="error" showIcon title={errorMessage(record.error)} style={{ marginBottom: 16 }} />}
      <Form<QuoteFields>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ deviceId: devices.length === 1 ? devices[0]?.id : undefined, options: [emptyOption] }}
      >
        <Form.Item name="deviceId" label={t('quotes.device')} rules={[{ required: true, message: t('parts.required') }]}>
          <Select size="large" options={devices.map((d) => ({ value: d.id, label: `${d.assetTag} · ${d.name}` }))} />
        </Form.Item>
        <Form.List name="options">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  title={t('quotes.option', { n: i + 1 })}
                  style={{ marginBottom: 12 }}
                  data-testid="quote-option-form"
                  extra={fields.length > 1 && <Button type="text" icon={<DeleteOutlined />} aria-label={t('quotes.removeOption')} onClick={() => remove(field.name)} />}
                >
                  <Form.Item name={[field.name, 'kind']} style={{ marginBottom: 8 }}>
                    <Radio.Group optionType="button" buttonStyle="solid" options={quoteOptionKinds.map((k) => ({ value: k, label: t(`quotes.kind.${k}`) }))} />
                  </Form.Item>
                  <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
                    <Form.Item name={[field.name, 'brand']} label={t('quotes.brand')} style={{ flex: 1, minWidth: 140 }}>
                      <Input maxLength={100} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'model']} label={t('quotes.model')} rules={required} style={{ flex: 1, minWidth: 160 }}>
                      <Input maxLength={100} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'price']} label={t('quotes.price')} rules={[{ required: true, message: t('parts.required') }]} style={{ width: 160 }}>
                      <InputNumber min={0.01} max={100_000_000} precision={2} prefix="¥" style={{ width: '100%' }} />
                    </Form.Item>
                  </div>
                  <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
                    <Form.Item name={[field.name, 'supplier']} label={t('quotes.supplier')} rules={required} style={{ flex: 2, minWidth: 200 }}>
                      <Input maxLength={200} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'validUntil']} label={t('quotes.validUntil')} rules={[{ required: true, message: t('parts.required') }]} style={{ flex: 1, minWidth: 160 }}>
                      <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
                    </Form.Item>
                  </div>
                  <Form.Item name={[field.name, 'note']} label={t('quotes.note')} style={{ marginBottom: 0 }}>
                    <Input maxLength={1000} />
                  </Form.Item>
                </Card>
              ))}
              {fields.length < 5 && (
                <Button icon={<PlusOutlined />} onClick={() => add({ ...emptyOption, kind: 'same_function' })} style={{ marginBottom: 12 }}>
                  {t('quotes.addOption')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={t('quotes.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
