// Taking a lent spare back: what the faulty device is now (repaired and back in service, still under repair, retired).
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SpareLoan } from '../../../shared/contract';
import { loanReturnStatuses } from '../../../shared/domain/repairs/repair-kinds';
import { useErrorMessage } from '../app/use-error-message';
import { useContractCommand } from '../transport/use-contract';

interface ReturnFields {
  faultyStatus: (typeof loanReturnStatuses)[number];
  note?: string;
}

export function ReturnSpareModal({ loan, onClose }: { loan: SpareLoan; onClose(): void }) {
  const { t } = useTranslation('repairs');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<ReturnFields>();
  const back = useContractCommand('spares.return', ['repairs.', 'spares.', 'incidents.', 'assets.']);
  const submit = (f: ReturnFields) =>
    back.mutate(
      { spareDeviceId: loan.spareDeviceId, faultyStatus: f.faultyStatus, note: f.note ?? '' },
      {
        onSuccess: () => {
          void message.success(t('loans.returnedSaved', { spare: loan.spareAssetTag }));
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={t('loans.returnTitle', { spare: `${loan.spareAssetTag} ${loan.spareName}` })}
      okText={t('loans.returnSubmit')}
      okButtonProps={{ size: 'large', loading: back.isPending }}
      cancelButtonProps={{ size: 'large' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {back.isError && <Alert type="error" showIcon title={errorMessage(back.error)} style={{ marginBottom: 16 }} />}
      <Form<ReturnFields> form={form} layout="vertical" onFinish={submit} initialValues={{ faultyStatus: 'in_service' }}>
        <Form.Item name="faultyStatus" label={`${t('loans.faultyStatus')}: ${loan.faultyAssetTag} ${loan.faultyName}`}>
          <Radio.Group size="large" optionType="button" buttonStyle="solid" options={loanReturnStatuses.map((s) => ({ value: s, label: t(`loans.faultyStatuses.${s}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('loans.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
