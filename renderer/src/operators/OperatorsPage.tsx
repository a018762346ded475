// Administrators' screen: operator accounts with their roles; create, change role, disable, reset a password.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal, Result, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Operator } from '../../../shared/contract';
import { operatorRoles, type OperatorRole } from '../../../shared/domain/operators/operator-roles';
import { EngineerGradesCard } from '../dispatch/EngineerGradesCard';
import { alarmColours } from '../app/theme';
import { useErrorMessage } from '../app/use-error-message';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { useSession } from './use-session';

interface NewOperatorValues {
  name: string;
  displayName: string;
  role: OperatorRole;
  password: string;
}

export function OperatorsPage() {
  const { t } = useTranslation('operators');
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const { operator: me } = useSession();
  const operators = useContractQuery('operators.list', {});
  const create = useContractCommand('operators.create', ['operators.']);
  const update = useContractCommand('operators.update', ['operators.']);
  const setPassword = useContractCommand('operators.setPassword', ['operators.']);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<Operator | null>(null);
  const [createForm] = Form.useForm<NewOperatorValues>();
  const [resetForm] = Form.useForm<{ password: string }>();
  const roleOptions = operatorRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }));

  const change = (input: Parameters<typeof update.mutate>[0]) =>
    update.mutate(input, { onSuccess: () => void message.success(t('operators.saved')), onError: (err) => void message.error(errorMessage(err)) });

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100 }}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('operators.title')}
        </Typography.Title>
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('operators.add')}
        </Button>
      </Flex>
      <Typography.Paragraph style={{ margin: 0, fontSize: 16 }}>{t('operators.intro')}</Typography.Paragraph>
      {operators.error ? (
        <Result status="error" title={t('operators.loadFailed')} subTitle={errorMessage(operators.error)} />
      ) : (
        <Table<Operator>
          rowKey="id"
          loading={operators.isPending}
          dataSource={operators.data ?? []}
          pagination={false}
          columns={[
            { title: t('operators.col.name'), dataIndex: 'name', render: (name: string, row) => (row.id === me.id ? `${name}${t('operators.you')}` : name) },
            { title: t('operators.col.displayName'), dataIndex: 'displayName' },
            {
              title: t('operators.col.role'),
              dataIndex: 'role',
              render: (role: OperatorRole, row) => (
                <Select<OperatorRole>
                  aria-label={`${t('operators.col.role')} ${row.name}`}
                  value={role}
                  options={roleOptions}
                  style={{ width: 160 }}
                  onChange={(next) => change({ id: row.id, role: next })}
                />
              ),
            },
            {
              title: t('operators.col.status'),
              dataIndex: 'disabled',
              render: (disabled: boolean) => <Tag color={disabled ? alarmColours.muted : alarmColours.normal}>{disabled ? t('operators.disabled') : t('operators.active')}</Tag>,
            },
            { title: t('operators.col.createdAt'), dataIndex: 'createdAt', render: (at: number) => dayjs(at).format('YYYY-MM-DD HH:mm') },
            {
              title: t('operators.col.actions'),
              key: 'actions',
              render: (_value, row) => (
                <Space>
                  <Button onClick={() => change({ id: row.id, disabled: !row.disabled })} disabled={row.id === me.id}>
                    {row.disabled ? t('operators.enable') : t('operators.disable')}
                  </Button>
                  <Button onClick={() => setResetting(row)}>{t('operators.resetPassword')}</Button>
                </Space>
              ),
            },
          ]}
        />
      )}

      <Modal
        open={creating}
        title={t('operators.createTitle')}
        okText={t('common:actions.save')}
        cancelText={t('common:actions.cancel')}
        confirmLoading={create.isPending}
        onOk={() => createForm.submit()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form<NewOperatorValues>
          form={createForm}
          layout="vertical"
          preserve={false}
          initialValues={{ role: 'duty_guard' }}
          onFinish={(values) =>
            create.mutate(values, {
              onSuccess: (created) => {
                setCreating(false);
                void message.success(t('operators.created', { name: created.name }));
              },
              onError: (err) => void message.error(errorMessage(err)),
            })
          }
        >
          <Form.Item name="name" label={t('setup.name')} extra={t('setup.nameHint')} rules={[{ required: true, min: 2, max: 32, pattern: /^[\p{L}\p{N}_.-]+$/u }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('setup.displayName')} rules={[{ required: true, max: 64 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('operators.col.role')} rules={[{ required: true }]}>
            <Select<OperatorRole> options={roleOptions} />
          </Form.Item>
          <Form.Item name="password" label={t('setup.password')} extra={t('setup.passwordHint')} rules={[{ required: true, min: 8 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={resetting !== null}
        title={t('operators.resetTitle', { name: resetting?.name ?? '' })}
        okText={t('common:actions.save')}
        cancelText={t('common:actions.cancel')}
        confirmLoading={setPassword.isPending}
        onOk={() => resetForm.submit()}
        onCancel={() => setResetting(null)}
        destroyOnHidden
      >
        <Form<{ password: string }>
          form={resetForm}
          layout="vertical"
          preserve={false}
          onFinish={({ password }) =>
            resetting &&
            setPassword.mutate(
              { id: resetting.id, password },
              {
                onSuccess: () => {
                  setResetting(null);
                  void message.success(t('operators.saved'));
                },
                onError: (err) => void message.error(errorMessage(err)),
              },
            )
          }
        >
          <Form.Item name="password" label={t('operators.newPassword')} extra={t('setup.passwordHint')} rules={[{ required: true, min: 8 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
      <EngineerGradesCard />
    </Flex>
  );
}
