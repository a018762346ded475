// Acknowledging an alarm: the guard says what they did; the core journals it with their name.
import { App, Flex, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Alarm } from '../../../shared/contract/alarms';
import { useErrorMessage } from '../app/use-error-message';
import { formatTime, useEnglish } from '../incidents/incident-format';
import { useContractCommand } from '../transport/use-contract';
import { SeverityTag } from './SeverityTag';

export function AcknowledgeAlarmModal({ alarm, onClose }: { alarm: Alarm | null; onClose: () => void }) {
  const { t } = useTranslation('alarms');
  const english = useEnglish();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const acknowledge = useContractCommand('alarms.acknowledge', ['alarms.', 'links.list', 'journal.']);
  const [form] = Form.useForm<{ comment: string }>();

  const submit = async () => {
    if (!alarm) return;
    const { comment } = await form.validateFields();
    try {
      await acknowledge.mutateAsync({ id: alarm.id, comment });
      void message.success(t('ack.done'));
      onClose();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={alarm !== null}
      title={t('ack.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('ack.submit')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ size: 'large', loading: acknowledge.isPending }}
      cancelButtonProps={{ size: 'large' }}
      destroyOnHidden
    >
      {alarm && (
        <Flex vertical gap={4} style={{ marginBottom: 16 }}>
          <Flex gap={8} align="center" wrap>
            <SeverityTag severity={alarm.severity} />
            <Typography.Text strong style={{ fontSize: 16 }}>
              {alarm.text[english ? 'en' : 'zh']}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary">
            {[alarm.deviceName, alarm.point].filter(Boolean).join(' · ')} · {formatTime(alarm.raisedAt, english)}
          </Typography.Text>
        </Flex>
      )}
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ comment: '' }}>
        <Form.Item name="comment" label={t('ack.comment')} rules={[{ required: true, whitespace: true, message: t('ack.commentRequired') }]}>
          <Input.TextArea autoFocus rows={3} maxLength={500} placeholder={t('ack.commentPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
