// Lending a spare unit (a register device with the status 备用) to stand in for a faulty device of the incident: who at
// the customer's site has it and when it is due back.
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Device, Incident } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { useContractCommand, useContractQuery } from '../transport/use-contract';

interface LendFields {
  spareDeviceId: string;
  faultyDeviceId: string;
  borrower: string;
  dueAt?: Dayjs | null;
  note?: string;
}

export function LendSpareModal({ incident, devices, onClose }: { incident: Incident; devices: Device[]; onClose(): void }) {
  const { t } = useTranslation('repairs');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<LendFields>();
  const units = useContractQuery('spares.units', {});
  const lend = useContractCommand('spares.lend', ['repairs.', 'spares.', 'incidents.', 'assets.']);
  const faultyId = Form.useWatch('faultyDeviceId', form);
  const faulty = devices.find((d) => d.id === faultyId);
  // Spares on the shelf, those of the faulty device's own system first.
  const free = (units.data?.units ?? []).filter((u) => u.loan === null);
  const ordered = faulty ? [...free].sort((a, b) => Number(b.systemId === faulty.systemId) - Number(a.systemId === faulty.systemId)) : free;
  const candidates = devices.filter((d) => d.status !== 'spare' && d.status !== 'retired');
  const submit = (f: LendFields) =>
    lend.mutate(
      { incidentId: incident.id, spareDeviceId: f.spareDeviceId, faultyDeviceId: f.faultyDeviceId, borrower: f.borrower, dueAt: f.dueAt ? f.dueAt.valueOf() : null, note: f.note ?? '' },
      {
        onSuccess: (loan) => {
          void message.success(t('loans.lentSaved', { spare: loan.spareAssetTag }));
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={t('loans.lend')}
      okText={t('loans.submit')}
      okButtonProps={{ size: 'large', loading: lend.isPending, disabled: free.length === 0 }}
      cancelButtonProps={{ size: 'large' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      {lend.isError && <Alert type="error" showIcon title={errorMessage(lend.error)} style={{ marginBottom: 16 }} />}
      {units.data && free.length === 0 && <Alert type="warning" showIcon title={t('loans.noSpareFree')} style={{ marginBottom: 16 }} />}
      <Form<LendFields>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ faultyDeviceId: candidates.length === 1 ? candidates[0]?.id : undefined, dueAt: dayjs().add(7, 'day').hour(18).minute(0) }}
      >
        <Form.Item name="faultyDeviceId" label={t('loans.faulty')} rules={[{ required: true, message: t('parts.required') }]}>
          <Select size="large" options={candidates.map((d) => ({ value: d.id, label: `${d.assetTag} · ${d.name}` }))} />
        </Form.Item>
        <Form.Item name="spareDeviceId" label={t('loans.spare')} rules={[{ required: true, message: t('parts.required') }]}>
          <Select
            size="large"
            placeholder={t('loans.sparePlaceholder')}
            options={ordered.map((u) => ({ value: u.id, label: [u.assetTag, u.name, u.model, u.serialNo].filter(Boolean).join(' · ') }))}
          />
        </Form.Item>
        <Form.Item name="borrower" label={t('loans.borrower')} rules={[{ required: true, whitespace: true, message: t('parts.required') }]}>
          <Input size="large" maxLength={200} placeholder={t('loans.borrowerPlaceholder')} />
        </Form.Item>
        <Form.Item name="dueAt" label={t('loans.dueAt')}>
          <DatePicker size="large" showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t('loans.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
