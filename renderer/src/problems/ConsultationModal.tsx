// 咨询类问题记录: one short form (who asked, how, the question, the answer, who answered); saved closed at once.
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { consultationChannels, type ConsultationChannel } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { useSystems } from '../incidents/use-systems';
import { useSession } from '../operators/use-session';
import { useContractCommand } from '../transport/use-contract';

interface ConsultationValues {
  askedBy: string;
  channel: ConsultationChannel;
  question: string;
  answer: string;
  answeredBy: string;
  systemId: string;
}

export function ConsultationModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation('problems');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const { operator } = useSession();
  const systems = useSystems();
  const [form] = Form.useForm<ConsultationValues>();
  const record = useContractCommand('consultations.record', ['consultations.']);
  const save = async (values: ConsultationValues) => {
    try {
      const saved = await record.mutateAsync(values);
      void message.success(t('consultation.saved', { number: saved.number }));
      form.resetFields();
      onClose();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <Modal
      open={open}
      title={t('consultation.title')}
      okText={t('buttons.save')}
      cancelText={t('buttons.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={record.isPending}
      width={640}
      destroyOnHidden
    >
      <Form<ConsultationValues>
        form={form}
        layout="vertical"
        size="large"
        initialValues={{ channel: 'hotline', answeredBy: operator.displayName, systemId: 'unclassified' }}
        onFinish={(v) => void save(v)}
        data-testid="consultation-form"
      >
        <Form.Item name="askedBy" label={t('consultation.askedBy')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="channel" label={t('consultation.channel')}>
          <Radio.Group optionType="button" options={consultationChannels.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="systemId" label={t('consultation.system')}>
          <Select options={systems.systemOptions} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="question" label={t('consultation.question')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="answer" label={t('consultation.answer')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="answeredBy" label={t('consultation.answeredBy')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
