// "Change my password": every operator, whatever the role, changes their own password after proving the current one.
import { KeyOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Tooltip } from 'antd';
import { visuallyHidden } from '../app/visually-hidden';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/use-error-message';
import { useContractCommand } from '../transport/use-contract';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

/** `compact`: the icon alone (its name in the tooltip and for screen readers), where the header is narrow. */
export function ChangePasswordButton({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation('operators');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<PasswordForm>();
  const change = useContractCommand('auth.changePassword');

  const close = () => {
    setOpen(false);
    form.resetFields();
    change.reset();
  };
  const submit = (values: PasswordForm) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.changed'));
          close();
        },
        onError: (error) => form.setFields([{ name: 'currentPassword', errors: [errorMessage(error)] }]),
      },
    );

  return (
    <>
      <Tooltip title={compact ? t('shell.changePassword') : undefined}>
        <Button icon={<KeyOutlined />} style={{ flexShrink: 0 }} onClick={() => setOpen(true)}>
          {compact ? <span style={visuallyHidden}>{t('shell.changePassword')}</span> : t('shell.changePassword')}
        </Button>
      </Tooltip>
      <Modal
        open={open}
        title={t('password.title')}
        okText={t('password.submit')}
        confirmLoading={change.isPending}
        onOk={() => form.submit()}
        onCancel={close}
        destroyOnHidden
      >
        <Form<PasswordForm> form={form} layout="vertical" size="large" onFinish={submit} preserve={false}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.required') }]}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={t('password.rule')}
            rules={[
              { required: true, message: t('password.required') },
              { min: 8, message: t('password.rule') },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="repeatPassword"
            label={t('password.repeat')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.required') },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | undefined) =>
                  !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
