// 系统缺陷类问题提交单: submitted by anyone on duty, alone or from an incident (whose devices it takes along).
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RegisterDevicePicker } from '../assets/RegisterDevicePicker';
import { useErrorMessage } from '../app/use-error-message';
import { useSystems } from '../incidents/use-systems';
import { useSession } from '../operators/use-session';
import { useContractCommand } from '../transport/use-contract';

interface DefectValues {
  title: string;
  description: string;
  submitter: string;
  systemId: string;
  deviceId?: string | null;
}

export interface DefectPrefill {
  incidentId: string;
  title: string;
  description: string;
  systemId: string;
}

export function SubmitDefectModal({ open, onClose, prefill }: { open: boolean; onClose(): void; prefill?: DefectPrefill }) {
  const { t } = useTranslation('problems');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const { operator } = useSession();
  const systems = useSystems();
  const [form] = Form.useForm<DefectValues>();
  const submit = useContractCommand('defects.submit', ['defects.']);
  const save = async ({ deviceId, ...values }: DefectValues) => {
    try {
      const defect = await submit.mutateAsync({ ...values, deviceIds: deviceId ? [deviceId] : [], incidentId: prefill?.incidentId });
      void message.success(t('defect.submitted', { number: defect.number }));
      onClose();
      void navigate(`/problems/defects/${defect.id}`);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <Modal
      open={open}
      title={t('defect.title')}
      okText={t('buttons.submitDefect')}
      cancelText={t('buttons.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={submit.isPending}
      width={640}
      destroyOnHidden
    >
      <Form<DefectValues>
        form={form}
        layout="vertical"
        size="large"
        initialValues={{ submitter: operator.displayName, systemId: prefill?.systemId ?? 'unclassified', title: prefill?.title, description: prefill?.description }}
        onFinish={(v) => void save(v)}
        data-testid="defect-form"
      >
        <Form.Item name="title" label={t('defect.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('defect.description')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item name="submitter" label={t('defect.submitter')} extra={t('defect.submitterHelp')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="systemId" label={t('defect.system')}>
          <Select options={systems.systemOptions} showSearch optionFilterProp="label" />
        </Form.Item>
        {!prefill && (
          <Form.Item name="deviceId" label={t('defect.devices')}>
            <RegisterDevicePicker />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
