// The alarms page: what is active now, the history, and the rules that turn alarms into incidents.
import { Alert, Button, Flex, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useErrorMessage } from '../app/use-error-message';
import { useContractQuery } from '../transport/use-contract';
import { AlarmRulesPanel } from './AlarmRulesPanel';
import { AlarmTable } from './AlarmTable';
import { activeListLimit } from './alarm-order';
import { useAlarmHistory } from './use-alarm-history';

type AlarmTab = 'active' | 'history' | 'rules';

const tabPaths: Record<AlarmTab, string> = { active: '/alarms', history: '/alarms/history', rules: '/alarms/rules' };

function tabOf(pathname: string): AlarmTab {
  if (pathname.startsWith(tabPaths.rules)) return 'rules';
  if (pathname.startsWith(tabPaths.history)) return 'history';
  return 'active';
}

export function AlarmsPage() {
  const { t } = useTranslation('alarms');
  const location = useLocation();
  const navigate = useNavigate();
  const tab = tabOf(location.pathname);
  const [deviceId, setDeviceId] = useState<string | undefined>();

  return (
    <Flex vertical gap={8}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('page.title')}
      </Typography.Title>
      <Tabs
        size="large"
        activeKey={tab}
        onChange={(key) => void navigate(tabPaths[key as AlarmTab])}
        tabBarExtraContent={tab === 'rules' ? null : <DeviceFilter value={deviceId} onChange={setDeviceId} />}
        items={[
          { key: 'active', label: t('page.active'), children: tab === 'active' && <ActiveAlarms deviceId={deviceId} /> },
          { key: 'history', label: t('page.history'), children: tab === 'history' && <AlarmHistory deviceId={deviceId} /> },
          { key: 'rules', label: t('page.rules'), children: tab === 'rules' && <AlarmRulesPanel /> },
        ]}
      />
    </Flex>
  );
}

function DeviceFilter({ value, onChange }: { value: string | undefined; onChange: (id: string | undefined) => void }) {
  const { t } = useTranslation('alarms');
  const devices = useContractQuery('links.list', {}, { staleTime: 30_000 });
  return (
    <Select
      size="large"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: 260 }}
      aria-label={t('page.col.device')}
      placeholder={t('page.anyDevice')}
      value={value}
      onChange={(next?: string) => onChange(next)}
      options={(devices.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
    />
  );
}

function ActiveAlarms({ deviceId }: { deviceId: string | undefined }) {
  const { t } = useTranslation('alarms');
  const errorMessage = useErrorMessage();
  // The banner's own list (the same query when no device is chosen); a guard works down from the top, or filters by device.
  const list = useContractQuery('alarms.list', { scope: 'active', deviceId, limit: activeListLimit }, { placeholderData: (prev) => prev });
  if (list.isError) return <Alert type="error" showIcon title={t('page.loadFailed')} description={errorMessage(list.error)} />;
  const items = list.data?.items ?? [];
  return (
    <Flex vertical gap={12}>
      {items.length >= activeListLimit && <Alert type="info" showIcon title={t('page.listCapped', { count: activeListLimit })} />}
      <AlarmTable items={items} loading={list.isPending} />
    </Flex>
  );
}

function AlarmHistory({ deviceId }: { deviceId: string | undefined }) {
  const { t } = useTranslation('alarms');
  const errorMessage = useErrorMessage();
  const history = useAlarmHistory(deviceId);
  if (history.isError) return <Alert type="error" showIcon title={t('page.loadFailed')} description={errorMessage(history.error)} />;
  return (
    <AlarmTable
      items={history.items}
      loading={history.isPending}
      footer={
        history.hasNextPage
          ? () => (
              <Button size="large" loading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
                {t('page.loadMore')}
              </Button>
            )
          : undefined
      }
    />
  );
}
