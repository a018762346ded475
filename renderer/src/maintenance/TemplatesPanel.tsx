// The checklists: every system's shipped one and supervisors' own; editing saves a new version, records keep theirs.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaintenanceTemplate } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { useCatalog } from '../assets/use-catalog';
import { useMayCall } from '../operators/use-may-call';
import { useContractQuery } from '../transport/use-contract';
import { TemplateEditorModal } from './TemplateEditorModal';
import { useTemplateName } from './template-name';

export function TemplatesPanel() {
  const { t } = useTranslation('maintenance');
  const errorMessage = useErrorMessage();
  const catalog = useCatalog();
  const templateName = useTemplateName();
  const templates = useContractQuery('maintenance.templates', {});
  const mayEdit = useMayCall('maintenance.saveTemplate');
  const [editing, setEditing] = useState<MaintenanceTemplate | 'new' | null>(null);
  return (
    <>
      {templates.isError && <Alert type="error" showIcon title={errorMessage(templates.error)} />}
      <Flex justify="space-between" style={{ marginBottom: 16 }}>
        {!mayEdit ? <Alert type="info" showIcon title={t('plans.supervisorOnly')} /> : <div />}
        {mayEdit && <Button size="large" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('templates.add')}</Button>}
      </Flex>
      <Table<MaintenanceTemplate>
        rowKey="id"
        loading={templates.isPending}
        dataSource={templates.data ?? []}
        pagination={false}
        onRow={(x) => ({ onClick: () => setEditing(x), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'name', title: t('templates.nameZh'), render: (_, x) => templateName(x) },
          { key: 'system', title: t('templates.system'), render: (_, x) => (x.systemId ? catalog.systemName(x.systemId) : t('templates.allSystems')) },
          { key: 'purpose', title: t('templates.purpose'), render: (_, x) => <Tag>{t(`purpose.${x.purpose}`)}</Tag> },
          { key: 'frequency', title: t('templates.defaultFrequency'), render: (_, x) => (x.defaultFrequency ? t(`frequency.${x.defaultFrequency}`) : '—') },
          { key: 'items', title: t('templates.itemCount'), render: (_, x) => x.items.length },
          { key: 'version', title: t('templates.version'), render: (_, x) => `v${x.version}` },
        ]}
      />
      {editing && <TemplateEditorModal template={editing === 'new' ? null : editing} readOnly={!mayEdit} onClose={() => setEditing(null)} />}
    </>
  );
}
