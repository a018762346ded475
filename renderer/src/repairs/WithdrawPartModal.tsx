// Withdrawing a part recorded by mistake: the reason is asked; the line stays, marked, and is no longer charged.
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RepairPart } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { useContractCommand } from '../transport/use-contract';

export function WithdrawPartModal({ part, onClose }: { part: RepairPart; onClose(): void }) {
  const { t } = useTranslation('repairs');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useContractCommand('repairs.withdrawPart', ['repairs.', 'spares.', 'incidents.', 'assets.']);
  const submit = ({ reason }: { reason: string }) =>
    withdraw.mutate(
      { partId: part.id, reason },
      {
        onSuccess: () => {
          void message.success(t('parts.withdrawnSaved', { name: part.name }));
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={t('parts.withdrawTitle', { name: part.name, quantity: part.quantity })}
      okText={t('parts.withdrawSubmit')}
      okButtonProps={{ size: 'large', danger: true, loading: withdraw.isPending }}
      cancelButtonProps={{ size: 'large' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph type="secondary">{t('parts.withdrawIntro')}</Typography.Paragraph>
      {withdraw.isError && <Alert type="error" showIcon title={errorMessage(withdraw.error)} style={{ marginBottom: 16 }} />}
      <Form<{ reason: string }> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('parts.withdrawReason')} rules={[{ required: true, whitespace: true, message: t('parts.required') }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('parts.withdrawReasonPlaceholder')} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
