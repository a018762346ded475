// The duty room at a glance: open incidents most urgent first with live countdowns, today's duty log, the hotline on duty.
import { Alert, Col, Empty, Row, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/use-error-message';
import { useNow } from '../incidents/incident-format';
import { OpenIncidentCard } from '../incidents/OpenIncidentCard';
import { KeyReadingsCard } from '../readings/KeyReadingsCard';
import { useContractQuery } from '../transport/use-contract';
import { DutyLogPanel } from './DutyLogPanel';
import { HotlinePanel } from './HotlinePanel';
import { MaintenanceDueCard } from './MaintenanceDueCard';

export function DashboardPage() {
  const { t } = useTranslation('incidents');
  const errorMessage = useErrorMessage();
  const list = useContractQuery('incidents.list', { scope: 'open' }, { refetchInterval: 30_000 });
  const now = useNow();
  const items = list.data?.items ?? [];
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={16}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('dashboard.openIncidents')} {list.data && <Typography.Text type="secondary">({items.length})</Typography.Text>}
        </Typography.Title>
        {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} />}
        {list.isPending && <Spin size="large" />}
        {list.data && items.length === 0 && <Empty description={t('dashboard.none')} />}
        <div style={{ display: 'grid', gap: 12 }} data-testid="open-incidents">
          {list.data && items.map((item) => <OpenIncidentCard key={item.id} item={item} asOf={list.data.asOf} now={now} />)}
        </div>
      </Col>
      <Col xs={24} xl={8}>
        <div style={{ display: 'grid', gap: 24 }}>
          <HotlinePanel />
          <KeyReadingsCard />
          <MaintenanceDueCard />
          <DutyLogPanel />
        </div>
      </Col>
    </Row>
  );
}
