// "Open an incident" from a failed item: the description prefilled from the device, the item, the reading and the
// note; the incident is linked to the device and to the item's result.
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../../shared/contract';
import { type ChecklistItem, type ItemValue, limitsText } from '../../../shared/domain/maintenance/checklist-items';
import { type SlaLevel, slaLevels } from '../../../shared/domain/incidents/sla-levels';
import { useErrorMessage } from '../app/use-error-message';
import { useEnglish, useLevelName } from '../incidents/incident-format';
import { useContractCommand } from '../transport/use-contract';

interface Props { taskId: string; device: Device; item: ChecklistItem; value: ItemValue | undefined; onClose(): void }

export function ItemIncidentModal({ taskId, device, item, value, onClose }: Props) {
  const { t } = useTranslation('maintenance');
  const english = useEnglish();
  const levelName = useLevelName();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const open = useContractCommand('maintenance.reportIncident', ['maintenance.', 'incidents.']);
  const lines = [t('incident.failedItem', { device: device.name, tag: device.assetTag, item: english ? item.labelEn : item.labelZh })];
  if (item.kind === 'reading' && value?.reading !== undefined && value.reading !== null) {
    lines.push(t('incident.reading', { reading: value.reading, unit: item.unit ? ` ${item.unit}` : '', limits: limitsText(item) }));
  }
  if (value?.note) lines.push(value.note);
  const [form] = Form.useForm<{ description: string; level: SlaLevel }>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const result = await open.mutateAsync({ taskId, deviceId: device.id, itemId: item.id, description: v.description, level: v.level });
      void message.success(t('incident.opened', { number: result.incidentNumber }));
      onClose();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <Modal open title={t('incident.title')} okText={t('incident.submit')} okButtonProps={{ danger: true, size: 'large' }} cancelButtonProps={{ size: 'large' }} confirmLoading={open.isPending} onOk={() => void submit()} onCancel={onClose}>
      <Form form={form} layout="vertical" size="large" initialValues={{ description: lines.join('\n'), level: 'II' }}>
        <Form.Item name="description" label={t('incident.description')} rules={[{ required: true }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="level" label={t('incident.level')}>
          <Select options={slaLevels.map((l) => ({ value: l, label: levelName(l) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
