// Recording one part used on the repair: what it is, wearing (free) or main (charged, with its unit cost), how many,
// taken from the spare stock (which row; the stock goes down) or bought in, and for which device.
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Device, Incident, PartKind, PartSource } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { useCatalogNames } from '../catalog/catalog-names';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { yuanToFen } from './money';

interface PartFields {
  kind: PartKind;
  name: string;
  quantity: number;
  unitCost?: number;
  source: PartSource;
  stock?: string;
  deviceId?: string;
  note?: string;
}

export function RecordPartModal({ incident, devices, onClose }: { incident: Incident; devices: Device[]; onClose(): void }) {
  const { t } = useTranslation('repairs');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const names = useCatalogNames();
  const [form] = Form.useForm<PartFields>();
  const kind = Form.useWatch('kind', form);
  const source = Form.useWatch('source', form);
  const spares = useContractQuery('spares.list', {});
  const catalog = useContractQuery('catalog.list', {});
  const record = useContractCommand('repairs.recordPart', ['repairs.', 'spares.', 'incidents.', 'assets.']);
  const typeName = (systemId: string, typeId: string) => {
    const type = catalog.data?.find((s) => s.id === systemId)?.types.find((ty) => ty.id === typeId);
    return type ? names.primary(type) : typeId;
  };
  const submit = (f: PartFields) => {
    const [systemId = null, typeId = null] = f.source === 'stock' && f.stock ? f.stock.split('/') : [];
    record.mutate(
      {
        incidentId: incident.id,
        deviceId: f.deviceId ?? null,
        kind: f.kind,
        name: f.name,
        quantity: f.quantity,
        unitCostFen: f.kind === 'main' ? yuanToFen(f.unitCost ?? 0) : 0,
        source: f.source,
        systemId,
        typeId,
        note: f.note ?? '',
      },
      {
        onSuccess: (part) => {
          void message.success(t('parts.saved', { name: part.name }));
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open
      title={t('parts.add')}
      okText={t('parts.submit')}
      okButtonProps={{ size: 'large', loading: record.isPending }}
      cancelButtonProps={{ size: 'large' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      {record.isError && <Alert type="error" showIcon title={errorMessage(record.error)} style={{ marginBottom: 16 }} />}
      <Form<PartFields>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'wearing', source: 'stock', quantity: 1, deviceId: devices.length === 1 ? devices[0]?.id : undefined }}
      >
        <Form.Item name="kind" label={t('parts.kindColumn')}>
          <Radio.Group size="large" optionType="button" buttonStyle="solid">
            {(['wearing', 'main'] as const).map((k) => (
              <Radio.Button key={k} value={k} aria-label={t(`parts.kind.${k}`)}>
                {t(`parts.kind.${k}`)} · {t(`parts.kindHint.${k}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="name" label={t('parts.name')} rules={[{ required: true, whitespace: true, message: t('parts.required') }]}>
          <Input size="large" maxLength={200} placeholder={t('parts.namePlaceholder')} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="quantity" label={t('parts.quantity')} rules={[{ required: true, message: t('parts.required') }]} style={{ flex: 1 }}>
            <InputNumber size="large" min={1} max={10_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          {kind === 'main' && (
            <Form.Item name="unitCost" label={t('parts.unitCost')} rules={[{ required: true, message: t('parts.required') }]} style={{ flex: 1 }}>
              <InputNumber size="large" min={0.01} max={100_000_000} precision={2} prefix="¥" style={{ width: '100%' }} />
            </Form.Item>
          )}
        </div>
        <Form.Item name="source" label={t('parts.sourceColumn')}>
          <Radio.Group size="large" optionType="button" buttonStyle="solid" options={(['stock', 'bought'] as const).map((s) => ({ value: s, label: t(`parts.source.${s}`) }))} />
        </Form.Item>
        {source === 'stock' && (
          <Form.Item name="stock" label={t('parts.stockType')} rules={[{ required: true, message: t('parts.required') }]}>
            <Select
              size="large"
              options={(spares.data ?? []).map((s) => ({
                value: `${s.systemId}/${s.typeId}`,
                label: `${typeName(s.systemId, s.typeId)} · ${t('parts.stockLeft', { quantity: s.quantity })}`,
                disabled: s.quantity === 0,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="deviceId" label={t('parts.device')}>
          <Select size="large" allowClear placeholder={t('parts.deviceNone')} options={devices.map((d) => ({ value: d.id, label: `${d.assetTag} · ${d.name}` }))} />
        </Form.Item>
        <Form.Item name="note" label={t('parts.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
