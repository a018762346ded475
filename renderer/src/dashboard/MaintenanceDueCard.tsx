// The dashboard's maintenance card: what is due this week and what is overdue; a click opens that list.
import { Card, Flex, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { alarmColours } from '../app/theme';
import { useContractQuery } from '../transport/use-contract';

export function MaintenanceDueCard() {
  const { t } = useTranslation('maintenance');
  const navigate = useNavigate();
  const summary = useContractQuery('maintenance.dueSummary', {}, { refetchInterval: 60_000 });
  const overdue = summary.data?.overdue ?? 0;
  return (
    <Card title={t('dashboard.title')} data-testid="maintenance-due" loading={summary.isPending}>
      <Flex gap={24}>
        <Card.Grid hoverable style={{ width: '50%', cursor: 'pointer' }} onClick={() => void navigate('/maintenance?filter=due')}>
          <Statistic title={t('dashboard.dueThisWeek')} value={summary.data?.dueThisWeek ?? 0} styles={{ content: { color: alarmColours.major, fontSize: 36 } }} />
        </Card.Grid>
        <Card.Grid hoverable style={{ width: '50%', cursor: 'pointer' }} onClick={() => void navigate('/maintenance?filter=overdue')}>
          <Statistic title={t('dashboard.overdue')} value={overdue} styles={{ content: { color: overdue ? alarmColours.critical : undefined, fontSize: 36, fontWeight: overdue ? 700 : 400 } }} />
        </Card.Grid>
      </Flex>
    </Card>
  );
}
