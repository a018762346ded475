// A supervisor's checklist editor: name, system, purpose, default frequency, and the items with their kinds,
// component types, reading units and limits, and which register version an upgrade item updates.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MaintenanceTemplate } from '../../../shared/contract';
import { type ChecklistItem, itemKinds } from '../../../shared/domain/maintenance/checklist-items';
import { frequencies } from '../../../shared/domain/maintenance/frequency';
import { templatePurposes } from '../../../shared/domain/maintenance/template-purposes';
import { useErrorMessage } from '../app/use-error-message';
import { useCatalog } from '../assets/use-catalog';
import { useContractCommand } from '../transport/use-contract';

type FormItem = Omit<ChecklistItem, 'versionField'> & { versionField: 'software' | 'firmware' | 'none' };
interface Values extends Omit<MaintenanceTemplate, 'items' | 'id' | 'version' | 'builtin' | 'savedAt' | 'savedBy'> { items: FormItem[] }

export function TemplateEditorModal({ template, readOnly, onClose }: { template: MaintenanceTemplate | null; readOnly: boolean; onClose(): void }) {
  const { t } = useTranslation('maintenance');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const catalog = useCatalog();
  const save = useContractCommand('maintenance.saveTemplate', ['maintenance.']);
  const [form] = Form.useForm<Values>();
  const systemId = Form.useWatch('systemId', form) as string | null | undefined;
  const typeOptions = systemId
    ? catalog.typeOptions(systemId)
    : [...new Map(catalog.systems.flatMap((s) => catalog.typeOptions(s.id)).map((o) => [o.value, o])).values()];

  const initial: Partial<Values> = template
    ? { ...template, items: template.items.map((i) => ({ ...i, versionField: i.versionField ?? 'none' })) }
    : { systemId: null, purpose: 'equipment', defaultFrequency: 'quarterly', everyDays: null, items: [] };

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const saved = await save.mutateAsync({
        ...(template ? { id: template.id } : {}),
        systemId: v.systemId ?? null,
        purpose: v.purpose,
        nameZh: v.nameZh,
        nameEn: v.nameEn,
        defaultFrequency: v.defaultFrequency ?? null,
        everyDays: v.everyDays ?? null,
        items: (v.items ?? []).map((i) => ({
          id: i.id,
          kind: i.kind,
          labelZh: i.labelZh,
          labelEn: i.labelEn,
          typeIds: i.typeIds ?? [],
          unit: i.unit ?? '',
          min: i.min ?? null,
          max: i.max ?? null,
          versionField: i.versionField === 'none' || !i.versionField ? null : i.versionField,
        })),
      });
      void message.success(t('templates.saved', { version: saved.version }));
      onClose();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const required = [{ required: true, message: t('create.required') }];
  return (
    <Modal open width={1000} title={template ? t('templates.edit') : t('templates.add')} okText={t('common:actions.save')} onOk={() => void submit()} onCancel={onClose} confirmLoading={save.isPending} okButtonProps={{ size: 'large', disabled: readOnly }} cancelButtonProps={{ size: 'large' }}>
      <Form form={form} layout="vertical" initialValues={initial} disabled={readOnly}>
        <Row gutter={12}>
          <Col span={12}><Form.Item name="nameZh" label={t('templates.nameZh')} rules={required}><Input maxLength={200} /></Form.Item></Col>
          <Col span={12}><Form.Item name="nameEn" label={t('templates.nameEn')} rules={required}><Input maxLength={200} /></Form.Item></Col>
          <Col span={8}>
            <Form.Item name="systemId" label={t('templates.system')}>
              <Select options={[{ value: null, label: t('templates.allSystems') }, ...catalog.systemOptions]} />
            </Form.Item>
          </Col>
          <Col span={8}><Form.Item name="purpose" label={t('templates.purpose')}><Select options={templatePurposes.map((p) => ({ value: p, label: t(`purpose.${p}`) }))} /></Form.Item></Col>
          <Col span={8}><Form.Item name="defaultFrequency" label={t('templates.defaultFrequency')}><Select allowClear options={frequencies.map((f) => ({ value: f, label: t(`frequency.${f}`) }))} /></Form.Item></Col>
        </Row>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((field) => (
                <Card key={field.key} size="small" extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="remove" />}>
                  <Row gutter={8}>
                    <Col span={4}><Form.Item name={[field.name, 'id']} label={t('templates.itemId')} rules={required}><Input maxLength={64} /></Form.Item></Col>
                    <Col span={4}><Form.Item name={[field.name, 'kind']} label={t('templates.itemKind')} rules={required}><Select options={itemKinds.map((k) => ({ value: k, label: t(`itemKind.${k}`) }))} /></Form.Item></Col>
                    <Col span={8}><Form.Item name={[field.name, 'labelZh']} label={t('templates.labelZh')} rules={required}><Input maxLength={200} /></Form.Item></Col>
                    <Col span={8}><Form.Item name={[field.name, 'labelEn']} label={t('templates.labelEn')} rules={required}><Input maxLength={200} /></Form.Item></Col>
                    <Col span={10}><Form.Item name={[field.name, 'typeIds']} label={t('templates.typeIds')}><Select mode="multiple" allowClear placeholder={t('walk.typeAll')} options={typeOptions} /></Form.Item></Col>
                    <Form.Item noStyle shouldUpdate>
                      {() => {
                        const kind = form.getFieldValue(['items', field.name, 'kind']) as string;
                        if (kind === 'reading') return (
                          <>
                            <Col span={4}><Form.Item name={[field.name, 'unit']} label={t('templates.unit')}><Input maxLength={20} /></Form.Item></Col>
                            <Col span={5}><Form.Item name={[field.name, 'min']} label={t('templates.min')}><InputNumber style={{ width: '100%' }} /></Form.Item></Col>
                            <Col span={5}><Form.Item name={[field.name, 'max']} label={t('templates.max')}><InputNumber style={{ width: '100%' }} /></Form.Item></Col>
                          </>
                        );
                        if (kind === 'version') return (
                          <Col span={8}><Form.Item name={[field.name, 'versionField']} label={t('templates.versionField')}>
                            <Select options={(['software', 'firmware', 'none'] as const).map((f) => ({ value: f, label: t(`templates.versionFieldOption.${f}`) }))} />
                          </Form.Item></Col>
                        );
                        return null;
                      }}
                    </Form.Item>
                  </Row>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ id: `item-${fields.length + 1}`, kind: 'check', typeIds: [], versionField: 'none' })}>{t('templates.addItem')}</Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
