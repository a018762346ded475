// The maintenance tasks as a table: overdue ones marked, a row opens the task.
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MaintenanceTask } from '../../../shared/contract';
import { DueStateTag } from './DueStateTag';

export function TaskTable({ tasks, loading }: { tasks: MaintenanceTask[]; loading: boolean }) {
  const { t } = useTranslation('maintenance');
  const navigate = useNavigate();
  return (
    <Table<MaintenanceTask>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={tasks}
      pagination={false}
      locale={{ emptyText: t('list.empty') }}
      onRow={(task) => ({ onClick: () => void navigate(`/maintenance/tasks/${task.id}`), style: { cursor: 'pointer' }, 'data-testid': `task-${task.number}` } as React.HTMLAttributes<HTMLElement>)}
      rowClassName={(task) => (task.dueState === 'overdue' ? 'maintenance-overdue-row' : '')}
      columns={[
        { key: 'state', title: t('col.state'), width: 120, render: (_, task) => <DueStateTag state={task.dueState} /> },
        { key: 'number', title: t('col.number'), dataIndex: 'number', width: 170 },
        { key: 'title', title: t('col.title'), dataIndex: 'title' },
        { key: 'kind', title: t('col.kind'), width: 130, render: (_, task) => t(`kind.${task.kind}`) },
        { key: 'dueOn', title: t('col.dueOn'), dataIndex: 'dueOn', width: 120 },
        { key: 'deadline', title: t('col.deadline'), dataIndex: 'deadline', width: 120 },
        { key: 'engineer', title: t('col.engineer'), dataIndex: 'engineer', width: 120 },
        { key: 'devices', title: t('col.devices'), dataIndex: 'deviceCount', width: 80 },
        { key: 'failed', title: t('col.failed'), width: 90, render: (_, task) => (task.failedCount ? <b style={{ color: '#ff4d4f' }}>{task.failedCount}</b> : 0) },
      ]}
    />
  );
}
