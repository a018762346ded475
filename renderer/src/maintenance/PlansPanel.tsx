// Maintenance plans: what each covers, its checklist, how often and when next; a supervisor adds and edits them.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaintenancePlan } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { useCatalog } from '../assets/use-catalog';
import { useMayCall } from '../operators/use-may-call';
import { useContractQuery } from '../transport/use-contract';
import { PlanFormModal } from './PlanFormModal';
import { useTemplateName } from './template-name';

export function PlansPanel() {
  const { t } = useTranslation('maintenance');
  const errorMessage = useErrorMessage();
  const catalog = useCatalog();
  const templateName = useTemplateName();
  const plans = useContractQuery('maintenance.plans', {});
  const templates = useContractQuery('maintenance.templates', {});
  const mayEdit = useMayCall('maintenance.savePlan');
  const [editing, setEditing] = useState<MaintenancePlan | 'new' | null>(null);
  const scopeText = (p: MaintenancePlan) => {
    const s = p.scope;
    if (s.kind === 'system') return `${t('plans.scopeKind.system')}:${catalog.systemName(s.systemId)}`;
    if (s.kind === 'location') return `${t('plans.scopeKind.location')}:${[s.building, s.floor, s.room].filter(Boolean).join(' ')}`;
    return `${t('plans.scopeKind.devices')}:${s.deviceIds.length}`;
  };
  const frequencyText = (p: MaintenancePlan) => (p.frequency === 'every_n_days' ? `${t('frequency.every_n_days').replace('N', String(p.everyDays))}` : t(`frequency.${p.frequency}`));
  return (
    <>
      {plans.isError && <Alert type="error" showIcon title={errorMessage(plans.error)} />}
      <Flex justify="space-between" style={{ marginBottom: 16 }}>
        {!mayEdit ? <Alert type="info" showIcon title={t('plans.supervisorOnly')} /> : <div />}
        {mayEdit && <Button size="large" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('plans.add')}</Button>}
      </Flex>
      <Table<MaintenancePlan>
        rowKey="id"
        loading={plans.isPending}
        dataSource={plans.data ?? []}
        pagination={false}
        locale={{ emptyText: t('plans.empty') }}
        onRow={(p) => ({ onClick: () => mayEdit && setEditing(p), style: { cursor: mayEdit ? 'pointer' : 'default' } })}
        columns={[
          { key: 'name', title: t('plans.name'), dataIndex: 'name' },
          { key: 'template', title: t('plans.template'), render: (_, p) => { const x = templates.data?.find((tp) => tp.id === p.templateId); return x ? templateName(x) : p.templateId; } },
          { key: 'scope', title: t('plans.scope'), render: (_, p) => scopeText(p) },
          { key: 'frequency', title: t('plans.frequency'), render: (_, p) => frequencyText(p) },
          { key: 'next', title: t('plans.nextDueOn'), dataIndex: 'nextDueOn' },
          { key: 'engineer', title: t('plans.engineer'), dataIndex: 'engineer' },
          { key: 'active', title: t('plans.active'), render: (_, p) => (p.active ? <Tag color="green">{t('plans.active')}</Tag> : <Tag>—</Tag>) },
        ]}
      />
      {editing && <PlanFormModal plan={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
