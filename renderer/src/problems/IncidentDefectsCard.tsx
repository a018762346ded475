// On an incident's page: the system defects started from it, and the button that starts one (its devices come along).
import { FileAddOutlined } from '@ant-design/icons';
import { Button, Card, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Incident } from '../../../shared/contract';
import { useContractQuery } from '../transport/use-contract';
import { DefectStateTag } from './problem-format';
import { SubmitDefectModal } from './SubmitDefectModal';

export function IncidentDefectsCard({ incident }: { incident: Incident }) {
  const { t } = useTranslation('problems');
  const [open, setOpen] = useState(false);
  const defects = useContractQuery('defects.ofIncident', { incidentId: incident.id });
  const prefill = { incidentId: incident.id, title: incident.title, description: incident.record.description, systemId: incident.systemId };
  return (
    <Card
      title={t('defect.ofIncident')}
      extra={<Button icon={<FileAddOutlined />} onClick={() => setOpen(true)}>{t('defect.fromIncident')}</Button>}
      data-testid="incident-defects"
    >
      {(defects.data ?? []).length === 0 ? (
        <Typography.Text type="secondary">—</Typography.Text>
      ) : (
        <List
          dataSource={defects.data}
          renderItem={(d) => (
            <List.Item>
              <Link to={`/problems/defects/${d.id}`}>{d.number}</Link> {d.title} <DefectStateTag state={d.state} />
            </List.Item>
          )}
        />
      )}
      <SubmitDefectModal open={open} onClose={() => setOpen(false)} prefill={prefill} />
    </Card>
  );
}
