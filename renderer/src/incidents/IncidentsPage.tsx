// Every incident, most urgent first: open or all, by level, by system, by words.
import { Alert, Input, Segmented, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { IncidentListItem, SlaLevel } from '../../../shared/contract';
import { slaLevels } from '../../../shared/domain/incidents/sla-levels';
import { useErrorMessage } from '../app/use-error-message';
import { useSystems } from './use-systems';
import { useContractQuery } from '../transport/use-contract';
import { formatTime, LevelTag, StateTag, useEnglish, useLevelName, useNow } from './incident-format';
import { ClockText } from './MilestoneClock';
import { nearestClock } from './OpenIncidentCard';

export function IncidentsPage() {
  const { t } = useTranslation('incidents');
  const english = useEnglish();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const catalog = useSystems();
  const levelName = useLevelName();
  const now = useNow();
  const [scope, setScope] = useState<'open' | 'all'>('open');
  const [level, setLevel] = useState<SlaLevel | undefined>();
  const [systemId, setSystemId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const list = useContractQuery('incidents.list', { scope, level, systemId, q }, { placeholderData: (prev) => prev });
  const asOf = list.data?.asOf ?? now;

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('list.title')}</Typography.Title>
      <Space wrap size={12} style={{ marginBottom: 16 }}>
        <Segmented<'open' | 'all'>
          size="large"
          value={scope}
          onChange={setScope}
          options={[
            { value: 'open', label: t('list.scope.open') },
            { value: 'all', label: t('list.scope.all') },
          ]}
        />
        <Select<SlaLevel>
          size="large"
          allowClear
          style={{ width: 180 }}
          placeholder={t('list.anyLevel')}
          value={level}
          onChange={setLevel}
          options={slaLevels.map((l) => ({ value: l, label: levelName(l) }))}
        />
        <Select
          size="large"
          allowClear
          style={{ width: 220 }}
          placeholder={t('list.anySystem')}
          value={systemId}
          onChange={setSystemId}
          options={catalog.systemOptions}
        />
        <Input.Search size="large" allowClear style={{ width: 320 }} placeholder={t('list.search')} onSearch={setQ} />
      </Space>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 16 }} />}
      <Table<IncidentListItem>
        rowKey="id"
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('list.empty') }}
        onRow={(item) => ({ onClick: () => void navigate(`/incidents/${item.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'level', title: t('list.columns.level'), width: 130, render: (_, item) => <LevelTag level={item.level} /> },
          { key: 'number', title: t('list.columns.number'), dataIndex: 'number', width: 170 },
          { key: 'title', title: t('list.columns.title'), dataIndex: 'title' },
          { key: 'system', title: t('list.columns.system'), width: 170, render: (_, item) => catalog.systemName(item.systemId) },
          { key: 'state', title: t('list.columns.state'), width: 150, render: (_, item) => <StateTag state={item.state} /> },
          {
            key: 'next',
            title: t('list.columns.next'),
            width: 240,
            render: (_, item) => {
              const clock = item.state === 'closed' ? null : nearestClock(item, asOf, now);
              if (!clock || !item.urgency.milestone) return <Typography.Text type="secondary">—</Typography.Text>;
              return (
                <span>
                  {t(`milestone.${item.urgency.milestone}`)} · <ClockText tone={clock.tone} ms={clock.ms} />
                </span>
              );
            },
          },
          { key: 'reportedAt', title: t('list.columns.reportedAt'), width: 220, render: (_, item) => formatTime(item.reportedAt, english, false) },
        ]}
      />
    </div>
  );
}
