// An ad-hoc task: a pre-event check for a customer's meeting, a training session, a customer-manager visit, or any
// checklist over picked devices.
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MethodInput } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { useCatalog } from '../assets/use-catalog';
import { useSession } from '../operators/use-session';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { DevicesPicker } from './DevicesPicker';
import { useTemplateName } from './template-name';

type Kind = 'pre_event' | 'training' | 'visit' | 'adhoc';
const kinds: Kind[] = ['pre_event', 'training', 'visit', 'adhoc'];

interface Values {
  kind: Kind;
  title: string;
  site?: string;
  systemId?: string;
  templateId?: string;
  deviceIds?: string[];
  engineer?: string;
  dueOn: Dayjs;
  eventName?: string;
  eventDate?: Dayjs;
  trainees?: string;
  topic?: string;
  trainer?: string;
  customerContact?: string;
  customerRemarks?: string;
}

export function NewTaskModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('maintenance');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const catalog = useCatalog();
  const templateName = useTemplateName();
  const { operator } = useSession();
  const templates = useContractQuery('maintenance.templates', {});
  const create = useContractCommand('maintenance.createTask', ['maintenance.']);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'pre_event';

  const submit = async () => {
    const v = await form.validateFields();
    const day = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
    const details: MethodInput<'maintenance.createTask'>['details'] = {
      pre_event: { eventName: v.eventName, eventDate: day(v.eventDate) },
      training: { trainees: v.trainees, topic: v.topic, trainer: v.trainer },
      visit: { customerContact: v.customerContact, customerRemarks: v.customerRemarks },
      adhoc: {},
    }[v.kind];
    try {
      const task = await create.mutateAsync({
        kind: v.kind,
        title: v.title,
        site: v.site ?? '',
        systemId: v.systemId ?? null,
        templateId: v.kind === 'adhoc' ? v.templateId : undefined,
        deviceIds: v.deviceIds ?? [],
        engineer: v.engineer ?? '',
        dueOn: v.dueOn.format('YYYY-MM-DD'),
        details: Object.fromEntries(Object.entries(details ?? {}).filter(([, x]) => x !== undefined && x !== '')),
      });
      void message.success(t('create.created', { number: task.number }));
      onClose();
      void navigate(`/maintenance/tasks/${task.id}`);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const required = [{ required: true, message: t('create.required') }];
  return (
    <Modal open title={t('create.title')} width={720} okText={t('common:actions.save')} onOk={() => void submit()} onCancel={onClose} confirmLoading={create.isPending} okButtonProps={{ size: 'large' }} cancelButtonProps={{ size: 'large' }}>
      <Form form={form} layout="vertical" size="large" initialValues={{ kind: 'pre_event', dueOn: dayjs(), engineer: operator.displayName }}>
        <Form.Item name="kind" label={t('create.kind')} rules={required}>
          <Select options={kinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('create.taskTitle')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        {kind === 'adhoc' && (
          <Form.Item name="templateId" label={t('create.template')} rules={required}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={(templates.data ?? []).map((x) => ({ value: x.id, label: templateName(x) }))} />
          </Form.Item>
        )}
        <Form.Item name="site" label={t('create.site')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="systemId" label={t('create.system')}>
          <Select allowClear options={catalog.systemOptions} />
        </Form.Item>
        {kind !== 'visit' && (
          <Form.Item name="deviceIds" label={t('create.devices')}>
            <DevicesPicker placeholder={t('create.devicesHint')} />
          </Form.Item>
        )}
        {kind === 'pre_event' && (
          <>
            <Form.Item name="eventName" label={t('create.eventName')} rules={required}><Input maxLength={200} /></Form.Item>
            <Form.Item name="eventDate" label={t('create.eventDate')}><DatePicker /></Form.Item>
          </>
        )}
        {kind === 'training' && (
          <>
            <Form.Item name="trainees" label={t('create.trainees')} rules={required}><Input.TextArea autoSize maxLength={1000} /></Form.Item>
            <Form.Item name="topic" label={t('create.topic')} rules={required}><Input.TextArea autoSize maxLength={1000} /></Form.Item>
            <Form.Item name="trainer" label={t('create.trainer')} rules={required}><Input maxLength={100} /></Form.Item>
          </>
        )}
        {kind === 'visit' && (
          <>
            <Form.Item name="customerContact" label={t('create.customerContact')} rules={required}><Input maxLength={200} /></Form.Item>
            <Form.Item name="customerRemarks" label={t('create.customerRemarks')}><Input.TextArea autoSize={{ minRows: 3 }} maxLength={4000} /></Form.Item>
          </>
        )}
        <Form.Item name="engineer" label={t('create.engineer')}><Input maxLength={100} /></Form.Item>
        <Form.Item name="dueOn" label={t('create.dueOn')} rules={required}><DatePicker /></Form.Item>
      </Form>
    </Modal>
  );
}
