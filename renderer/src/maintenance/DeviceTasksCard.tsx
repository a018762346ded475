// A device's maintenance tasks on its page, overdue ones marked as everywhere.
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useContractQuery } from '../transport/use-contract';
import { TaskTable } from './TaskTable';

export function DeviceTasksCard({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation('maintenance');
  const tasks = useContractQuery('maintenance.tasks', { filter: 'all', deviceId, limit: 20 });
  return (
    <Card title={t('tabs.tasks')} data-testid="device-maintenance">
      <TaskTable tasks={tasks.data?.items ?? []} loading={tasks.isPending} />
    </Card>
  );
}
