// The form an engineer adds a system, a device type or a brand with: its name in Chinese and English.
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogSystem } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { useContractCommand } from '../transport/use-contract';
import { useCatalogNames } from './catalog-names';

export type CatalogAddTarget = { kind: 'system' } | { kind: 'type' | 'brand'; system: CatalogSystem };

interface NameFields {
  nameZh: string;
  nameEn: string;
}

/** Mounted per opening (the page renders it only while adding), so the form and any error start fresh. */
export function CatalogEntryModal({ target, onClose }: { target: CatalogAddTarget; onClose: () => void }) {
  const { t } = useTranslation('catalog');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const names = useCatalogNames();
  const [form] = Form.useForm<NameFields>();
  const addSystem = useContractCommand('catalog.addSystem', ['catalog.']);
  const addType = useContractCommand('catalog.addType', ['catalog.']);
  const addBrand = useContractCommand('catalog.addBrand', ['catalog.']);
  const pending = addSystem.isPending || addType.isPending || addBrand.isPending;
  const failure = addSystem.error ?? addType.error ?? addBrand.error;

  const submit = (fields: NameFields) => {
    const done = {
      onSuccess: () => {
        void message.success(t('added', { name: names.primary(fields) }));
        onClose();
      },
    };
    if (target.kind === 'system') addSystem.mutate(fields, done);
    else if (target.kind === 'type') addType.mutate({ systemId: target.system.id, ...fields }, done);
    else addBrand.mutate({ systemId: target.system.id, ...fields }, done);
  };

  const title =
    target.kind === 'system'
      ? t('modal.system')
      : t(target.kind === 'type' ? 'modal.type' : 'modal.brand', { system: names.primary(target.system) });

  return (
    <Modal
      open
      title={title}
      okText={t('modal.submit')}
      okButtonProps={{ size: 'large', loading: pending }}
      cancelButtonProps={{ size: 'large' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={520}
    >
      <Typography.Paragraph type="secondary">{t('modal.hint')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={errorMessage(failure)} style={{ marginBottom: 16 }} />}
      <Form<NameFields> form={form} layout="vertical" onFinish={submit} requiredMark>
        <Form.Item name="nameZh" label={t('modal.nameZh')} rules={[{ required: true, whitespace: true, message: t('modal.nameZhRequired') }]}>
          <Input size="large" maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item name="nameEn" label={t('modal.nameEn')} rules={[{ required: true, whitespace: true, message: t('modal.nameEnRequired') }]}>
          <Input size="large" maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
