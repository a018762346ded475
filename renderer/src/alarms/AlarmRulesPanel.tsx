// The alarm rules: which device events open an incident and at which level; everyone reads them, supervisors change them.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmRule } from '../../../shared/contract/alarms';
import { useErrorMessage } from '../app/use-error-message';
import { LevelTag, useEnglish } from '../incidents/incident-format';
import { useSystems } from '../incidents/use-systems';
import { useMayCall } from '../operators/use-may-call';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { AlarmRuleModal } from './AlarmRuleModal';

export function AlarmRulesPanel() {
  const { t } = useTranslation('alarms');
  const english = useEnglish();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const systems = useSystems();
  const editable = useMayCall('alarmRules.update');
  const rules = useContractQuery('alarmRules.list', {});
  const update = useContractCommand('alarmRules.update', ['alarmRules.', 'journal.']);
  const remove = useContractCommand('alarmRules.remove', ['alarmRules.', 'journal.']);
  /** undefined: a new rule; null: the dialog is closed. */
  const [editing, setEditing] = useState<AlarmRule | null | undefined>(null);

  const setEnabled = (rule: AlarmRule, enabled: boolean) => {
    const { id, updatedAt: _updatedAt, ...fields } = rule;
    update.mutate({ id, fields: { ...fields, enabled } }, { onError: (err) => void message.error(errorMessage(err)) });
  };

  const confirmRemove = (rule: AlarmRule) =>
    modal.confirm({
      title: t('rules.removeConfirm', { label: rule.label[english ? 'en' : 'zh'] }),
      okText: t('rules.remove'),
      okButtonProps: { danger: true, size: 'large' },
      cancelText: t('common:actions.cancel'),
      cancelButtonProps: { size: 'large' },
      onOk: async () => {
        try {
          await remove.mutateAsync({ id: rule.id });
          void message.success(t('rules.removed'));
        } catch (err) {
          void message.error(errorMessage(err));
        }
      },
    });

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        {editable ? <span /> : <Alert type="info" showIcon title={t('rules.readOnly')} />}
        {editable && (
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setEditing(undefined)}>
            {t('rules.add')}
          </Button>
        )}
      </Flex>
      {rules.isError && <Alert type="error" showIcon title={t('rules.loadFailed')} description={errorMessage(rules.error)} />}
      <Table<AlarmRule>
        rowKey="id"
        loading={rules.isPending}
        dataSource={rules.data ?? []}
        pagination={false}
        locale={{ emptyText: t('rules.empty') }}
        columns={[
          {
            key: 'pattern',
            title: t('rules.col.pattern'),
            width: 180,
            render: (_, r) => <Typography.Text code style={{ fontSize: 15 }}>{r.eventPattern}</Typography.Text>,
          },
          { key: 'label', title: t('rules.col.label'), render: (_, r) => r.label[english ? 'en' : 'zh'] },
          {
            key: 'openIncident',
            title: t('rules.col.openIncident'),
            width: 150,
            render: (_, r) => (r.openIncident ? <Tag color="red">{t('rules.yes')}</Tag> : <Tag>{t('rules.no')}</Tag>),
          },
          { key: 'level', title: t('rules.col.level'), width: 150, render: (_, r) => (r.openIncident ? <LevelTag level={r.level} /> : null) },
          { key: 'system', title: t('rules.col.system'), width: 170, render: (_, r) => systems.systemName(r.systemId) },
          {
            key: 'enabled',
            title: t('rules.col.enabled'),
            width: 100,
            render: (_, r) => (
              <Switch
                checked={r.enabled}
                disabled={!editable}
                loading={update.isPending && update.variables?.id === r.id}
                aria-label={`${t('rules.col.enabled')} ${r.eventPattern}`}
                onChange={(next) => setEnabled(r, next)}
              />
            ),
          },
          ...(editable
            ? [
                {
                  key: 'actions',
                  title: t('rules.col.actions'),
                  width: 200,
                  render: (_: unknown, r: AlarmRule) => (
                    <Flex gap={8}>
                      <Button icon={<EditOutlined />} onClick={() => setEditing(r)}>
                        {t('common:actions.edit')}
                      </Button>
                      <Button danger icon={<DeleteOutlined />} onClick={() => confirmRemove(r)}>
                        {t('rules.remove')}
                      </Button>
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== null && <AlarmRuleModal rule={editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}
