// Setting one spare part's stock: system, device type, quantity, minimum and why it changed.
import { Alert, App, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogSystem, SpareStock } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { useCatalogNames } from '../catalog/catalog-names';
import { useContractCommand } from '../transport/use-contract';

interface StockFields {
  systemId?: string;
  typeId?: string;
  quantity?: number;
  minimum?: number;
  reason?: string;
}

export interface SpareStockModalProps {
  catalog: CatalogSystem[];
  stock: SpareStock[];
  /** The row being adjusted, or null to start from an empty form. */
  initial: { systemId: string; typeId: string } | null;
  onClose: () => void;
}

/** Mounted per opening, so the form starts from `initial` each time. */
export function SpareStockModal({ catalog, stock, initial, onClose }: SpareStockModalProps) {
  const { t } = useTranslation('spares');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const names = useCatalogNames();
  const [form] = Form.useForm<StockFields>();
  const save = useContractCommand('spares.set', ['spares.']);
  const systemId = Form.useWatch('systemId', form);
  const typeId = Form.useWatch('typeId', form);
  const system = catalog.find((s) => s.id === systemId);
  const existing = (sys?: string, type?: string) => stock.find((s) => s.systemId === sys && s.typeId === type);
  const current = existing(systemId, typeId);
  const initialStock = initial ? existing(initial.systemId, initial.typeId) : undefined;
  const searchable = (e: { nameZh: string; nameEn: string }) => `${e.nameZh} ${e.nameEn}`.toLowerCase();

  const submit = (fields: StockFields) => {
    const type = system?.types.find((ty) => ty.id === fields.typeId);
    if (!fields.systemId || !fields.typeId || fields.quantity === undefined || fields.minimum === undefined) return;
    save.mutate(
      { systemId: fields.systemId, typeId: fields.typeId, quantity: fields.quantity, minimum: fields.minimum, reason: fields.reason ?? '' },
      {
        onSuccess: (saved) => {
          void message.success(t('saved', { type: type ? names.primary(type) : saved.typeId, quantity: saved.quantity, minimum: saved.minimum }));
          onClose();
        },
      },
    );
  };

  // Choosing a type that already has stock starts from its numbers, so a count only needs the new quantity.
  const onValuesChange = (changed: StockFields, all: StockFields) => {
    if ('systemId' in changed) form.setFieldValue('typeId', undefined);
    if ('typeId' in changed) {
      const found = existing(all.systemId, changed.typeId);
      if (found) form.setFieldsValue({ quantity: found.quantity, minimum: found.minimum });
    }
  };

  return (
    <Modal
      open
      title={t('modal.title')}
      okText={t('modal.submit')}
      okButtonProps={{ size: 'large', loading: save.isPending }}
      cancelButtonProps={{ size: 'large' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {save.isError && <Alert type="error" showIcon title={errorMessage(save.error)} style={{ marginBottom: 16 }} />}
      <Form<StockFields>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={onValuesChange}
        initialValues={{ ...initial, quantity: initialStock?.quantity, minimum: initialStock?.minimum, reason: '' }}
      >
        <Form.Item name="systemId" label={t('modal.system')} rules={[{ required: true, message: t('modal.systemRequired') }]}>
          <Select
            size="large"
            showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(input.toLowerCase()) }}
            options={catalog.map((s) => ({ value: s.id, label: names.primary(s), search: searchable(s) }))}
          />
        </Form.Item>
        <Form.Item name="typeId" label={t('modal.type')} rules={[{ required: true, message: t('modal.typeRequired') }]}>
          <Select
            size="large"
            disabled={!system}
            placeholder={system ? undefined : t('modal.typeFirst')}
            showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(input.toLowerCase()) }}
            options={(system?.types ?? []).map((ty) => ({ value: ty.id, label: names.primary(ty), search: searchable(ty) }))}
          />
        </Form.Item>
        {current && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            {t('modal.current', { quantity: current.quantity, minimum: current.minimum })}
          </Typography.Paragraph>
        )}
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="quantity" label={t('modal.quantity')} rules={[{ required: true, message: t('modal.quantityRequired') }]} style={{ flex: 1 }}>
            <InputNumber size="large" min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="minimum"
            label={t('modal.minimum')}
            extra={t('modal.minimumHint')}
            rules={[{ required: true, message: t('modal.minimumRequired') }]}
            style={{ flex: 1 }}
          >
            <InputNumber size="large" min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="reason" label={t('modal.reason')}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('modal.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
