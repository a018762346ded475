// 维保: the tasks (due, overdue, open, done), the plans and the checklists, one tab each.
import { Alert, Button, Flex, Segmented, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { taskListFilters } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { useMayCall } from '../operators/use-may-call';
import { useContractQuery } from '../transport/use-contract';
import { NewTaskModal } from './NewTaskModal';
import { PlansPanel } from './PlansPanel';
import { TaskTable } from './TaskTable';
import { TemplatesPanel } from './TemplatesPanel';

type Filter = (typeof taskListFilters)[number];
const tabPaths = { tasks: '/maintenance', plans: '/maintenance/plans', templates: '/maintenance/templates' } as const;
type Tab = keyof typeof tabPaths;

export function MaintenancePage() {
  const { t } = useTranslation('maintenance');
  const location = useLocation();
  const navigate = useNavigate();
  const tab: Tab = location.pathname.startsWith(tabPaths.plans) ? 'plans' : location.pathname.startsWith(tabPaths.templates) ? 'templates' : 'tasks';
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('nav')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => void navigate(tabPaths[key as Tab])}
        size="large"
        items={[
          { key: 'tasks', label: t('tabs.tasks'), children: tab === 'tasks' ? <TasksPanel /> : null },
          { key: 'plans', label: t('tabs.plans'), children: tab === 'plans' ? <PlansPanel /> : null },
          { key: 'templates', label: t('tabs.templates'), children: tab === 'templates' ? <TemplatesPanel /> : null },
        ]}
      />
    </>
  );
}

function TasksPanel() {
  const { t } = useTranslation('maintenance');
  const errorMessage = useErrorMessage();
  const location = useLocation();
  const navigate = useNavigate();
  const fromUrl = new URLSearchParams(location.search).get('filter') as Filter | null;
  const filter: Filter = fromUrl && taskListFilters.includes(fromUrl) ? fromUrl : 'open';
  const tasks = useContractQuery('maintenance.tasks', { filter, limit: 500 }, { refetchInterval: 60_000 });
  const mayCreate = useMayCall('maintenance.createTask');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Flex gap={16} align="center" wrap style={{ marginBottom: 16 }}>
        <Segmented<Filter>
          size="large"
          value={filter}
          onChange={(next) => void navigate(`/maintenance?filter=${next}`)}
          options={taskListFilters.map((f) => ({ value: f, label: t(`filter.${f}`) }))}
        />
        {tasks.data && <Typography.Text type="secondary">{t('list.count', { count: tasks.data.total })}</Typography.Text>}
        <div style={{ flex: 1 }} />
        {mayCreate && (
          <Button size="large" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('list.newTask')}
          </Button>
        )}
      </Flex>
      {tasks.isError && <Alert type="error" showIcon title={t('list.loadFailed')} description={errorMessage(tasks.error)} />}
      <TaskTable tasks={tasks.data?.items ?? []} loading={tasks.isPending} />
      {creating && <NewTaskModal onClose={() => setCreating(false)} />}
    </>
  );
}
