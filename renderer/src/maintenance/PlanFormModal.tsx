// A plan's form: devices by system, location or pick; the checklist (its default frequency filled in); due window.
import { App, DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MaintenancePlan, PlanScope } from '../../../shared/contract';
import { frequencies, type Frequency } from '../../../shared/domain/maintenance/frequency';
import { useErrorMessage } from '../app/use-error-message';
import { useCatalog } from '../assets/use-catalog';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { DevicesPicker } from './DevicesPicker';
import { useTemplateName } from './template-name';

interface Values {
  name: string;
  site?: string;
  templateId: string;
  scopeKind: PlanScope['kind'];
  systemId?: string;
  building?: string;
  floor?: string;
  room?: string;
  deviceIds?: string[];
  frequency: Frequency;
  everyDays?: number | null;
  windowDays: number;
  engineer?: string;
  startsOn: Dayjs;
  active: boolean;
}

function initial(plan: MaintenancePlan | null): Partial<Values> {
  if (!plan) return { scopeKind: 'system', frequency: 'quarterly', windowDays: 14, startsOn: dayjs(), active: true };
  const s = plan.scope;
  return {
    ...plan,
    scopeKind: s.kind,
    ...(s.kind === 'system' ? { systemId: s.systemId } : s.kind === 'location' ? { building: s.building, floor: s.floor, room: s.room } : { deviceIds: s.deviceIds }),
    startsOn: dayjs(plan.startsOn),
  };
}

export function PlanFormModal({ plan, onClose }: { plan: MaintenancePlan | null; onClose(): void }) {
  const { t } = useTranslation('maintenance');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const catalog = useCatalog();
  const templateName = useTemplateName();
  const templates = useContractQuery('maintenance.templates', {});
  const save = useContractCommand('maintenance.savePlan', ['maintenance.']);
  const [form] = Form.useForm<Values>();
  const scopeKind = Form.useWatch('scopeKind', form);
  const frequency = Form.useWatch('frequency', form);
  const required = [{ required: true, message: t('create.required') }];

  const submit = async () => {
    const v = await form.validateFields();
    const scope: PlanScope =
      v.scopeKind === 'system' ? { kind: 'system', systemId: v.systemId ?? '' }
      : v.scopeKind === 'location' ? { kind: 'location', building: v.building ?? '', floor: v.floor ?? '', room: v.room ?? '' }
      : { kind: 'devices', deviceIds: v.deviceIds ?? [] };
    try {
      await save.mutateAsync({
        ...(plan ? { id: plan.id } : {}),
        name: v.name,
        site: v.site ?? '',
        templateId: v.templateId,
        scope,
        frequency: v.frequency,
        everyDays: v.frequency === 'every_n_days' ? (v.everyDays ?? null) : null,
        windowDays: v.windowDays,
        engineer: v.engineer ?? '',
        startsOn: v.startsOn.format('YYYY-MM-DD'),
        active: v.active,
      });
      void message.success(t('plans.saved'));
      onClose();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <Modal open width={720} title={plan ? t('plans.edit') : t('plans.add')} okText={t('common:actions.save')} onOk={() => void submit()} onCancel={onClose} confirmLoading={save.isPending} okButtonProps={{ size: 'large' }} cancelButtonProps={{ size: 'large' }}>
      <Form form={form} layout="vertical" size="large" initialValues={initial(plan)}>
        <Form.Item name="name" label={t('plans.name')} rules={required}><Input maxLength={200} /></Form.Item>
        <Form.Item name="site" label={t('plans.site')}><Input maxLength={200} /></Form.Item>
        <Form.Item name="templateId" label={t('plans.template')} rules={required}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(templates.data ?? []).filter((x) => x.items.length > 0).map((x) => ({ value: x.id, label: templateName(x) }))}
            onChange={(id: string) => {
              const chosen = templates.data?.find((x) => x.id === id);
              // The checklist's default frequency (backups monthly, equipment quarterly, cables yearly) fills in.
              if (chosen?.defaultFrequency) form.setFieldsValue({ frequency: chosen.defaultFrequency, everyDays: chosen.everyDays });
              if (chosen?.systemId) form.setFieldsValue({ scopeKind: 'system', systemId: chosen.systemId });
            }}
          />
        </Form.Item>
        <Form.Item name="scopeKind" label={t('plans.scope')}>
          <Select options={(['system', 'location', 'devices'] as const).map((k) => ({ value: k, label: t(`plans.scopeKind.${k}`) }))} />
        </Form.Item>
        {scopeKind === 'system' && <Form.Item name="systemId" label={t('create.system')} rules={required}><Select options={catalog.systemOptions} /></Form.Item>}
        {scopeKind === 'location' && (
          <>
            <Form.Item name="building" label={t('plans.building')} rules={required}><Input maxLength={100} /></Form.Item>
            <Form.Item name="floor" label={t('plans.floor')}><Input maxLength={50} /></Form.Item>
            <Form.Item name="room" label={t('plans.room')}><Input maxLength={100} /></Form.Item>
          </>
        )}
        {scopeKind === 'devices' && <Form.Item name="deviceIds" label={t('create.devices')} rules={required}><DevicesPicker placeholder={t('create.devicesHint')} /></Form.Item>}
        <Form.Item name="frequency" label={t('plans.frequency')} rules={required}>
          <Select options={frequencies.map((f) => ({ value: f, label: t(`frequency.${f}`) }))} />
        </Form.Item>
        {frequency === 'every_n_days' && <Form.Item name="everyDays" label={t('plans.everyDays')} rules={required}><InputNumber min={1} max={3650} /></Form.Item>}
        <Form.Item name="startsOn" label={t('plans.startsOn')} rules={required}><DatePicker /></Form.Item>
        <Form.Item name="windowDays" label={t('plans.windowDays')}><InputNumber min={0} max={365} /></Form.Item>
        <Form.Item name="engineer" label={t('plans.engineer')}><Input maxLength={100} /></Form.Item>
        <Form.Item name="active" label={t('plans.active')} valuePropName="checked"><Switch /></Form.Item>
      </Form>
    </Modal>
  );
}
