// 统计报表: SLA compliance and the service history over a period, filtered by system and place, exported to Excel.
import { DownloadOutlined, FileTextOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Input, Result, Select, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { ReportFilter } from '../../../shared/contract';
import { emergencyPlanRule, faultReportDueAfterResolutionMs, slaLevelDefinitions, slaLevels } from '../../../shared/domain/incidents/sla-levels';
import { downloadBase64 } from '../assets/download-file';
import { useErrorMessage } from '../app/use-error-message';
import { useCatalogNames } from '../catalog/catalog-names';
import { consoleClient } from '../transport';
import { useContractQuery } from '../transport/use-contract';
import { HistorySections } from './HistorySections';
import { filterFromParams, filterToParams } from './report-filter-params';
import { SlaSections } from './SlaSections';
import { useReportNames } from './use-report-names';

export function ReportsPage() {
  const { t } = useTranslation('reports');
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const setFilter = (next: Partial<ReportFilter>) => setParams(filterToParams({ ...filter, ...next }), { replace: true });
  const overview = useContractQuery('reports.overview', { filter }, { placeholderData: (previous) => previous });
  const names = useReportNames();
  const errorMessage = useErrorMessage();

  let body;
  if (overview.isError) body = <Result status="error" title={t('loadFailed')} subTitle={errorMessage(overview.error)} />;
  else if (!overview.data || !names.loaded) body = <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  else {
    body = (
      <Flex vertical gap={16} data-testid="reports-body" data-loading={overview.isFetching ? 'true' : 'false'}>
        <SlaSections overview={overview.data} names={names} />
        <HistorySections overview={overview.data} names={names} />
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Flex gap={12} wrap>
          <ExportButton filter={filter} />
          <MonthlyButton filter={filter} />
        </Flex>
      </Flex>
      <FilterBar filter={filter} onChange={setFilter} />
      <LimitsNote />
      {body}
    </Flex>
  );
}

function FilterBar({ filter, onChange }: { filter: ReportFilter; onChange: (next: Partial<ReportFilter>) => void }) {
  const { t } = useTranslation('reports');
  const names = useCatalogNames();
  const catalog = useContractQuery('catalog.list', {}, { staleTime: 60_000 });
  const [location, setLocation] = useState(filter.location);
  return (
    <Card size="small">
      <Flex gap={16} wrap align="center">
        <label>
          <Typography.Text style={{ marginRight: 8 }}>{t('filter.period')}</Typography.Text>
          <DatePicker.RangePicker
            size="large"
            allowClear={false}
            value={[dayjs(filter.from), dayjs(filter.to)]}
            onChange={(range) => {
              const [from, to] = range ?? [];
              if (from && to) onChange({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
            }}
            data-testid="report-period"
          />
        </label>
        <Select
          size="large"
          style={{ minWidth: 220 }}
          aria-label={t('filter.system')}
          data-testid="report-system"
          value={filter.systemId ?? ''}
          onChange={(v: string) => onChange({ systemId: v || null })}
          showSearch={{ optionFilterProp: 'label' }}
          options={[{ value: '', label: t('filter.allSystems') }, ...(catalog.data ?? []).map((s) => ({ value: s.id, label: names.primary(s) }))]}
        />
        <Input.Search
          size="large"
          style={{ width: 280 }}
          aria-label={t('filter.location')}
          placeholder={t('filter.locationPlaceholder')}
          value={location}
          allowClear
          onChange={(e) => setLocation(e.target.value)}
          onSearch={(v) => onChange({ location: v.trim() })}
        />
        <Typography.Text type="secondary">{t('filter.locationHint')}</Typography.Text>
      </Flex>
    </Card>
  );
}

/** The limits the shares are measured against, read from the SLA table itself. */
function LimitsNote() {
  const { t } = useTranslation('reports');
  // As the seed's table writes them: hours up to 48, days beyond (5天).
  const span = (ms: number) => (ms > 48 * 3_600_000 && ms % 86_400_000 === 0 ? t('days', { n: ms / 86_400_000 }) : ms >= 3_600_000 ? t('hours', { n: ms / 3_600_000 }) : t('minutes', { n: ms / 60_000 }));
  const byLevel = Object.fromEntries(slaLevels.map((l) => [l, span(slaLevelDefinitions[l].resolutionMs)]));
  return (
    <Typography.Text type="secondary" data-testid="sla-limits">
      {t('limits', {
        response: span(slaLevelDefinitions.I.responseMs),
        plan: span(slaLevelDefinitions.I.planMs),
        ...byLevel,
        trigger: span(emergencyPlanRule.triggerAfterMs),
        emergency: span(emergencyPlanRule.dueAfterMs),
        faultReport: span(faultReportDueAfterResolutionMs),
      })}
    </Typography.Text>
  );
}

function ExportButton({ filter }: { filter: ReportFilter }) {
  const { t, i18n } = useTranslation('reports');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [working, setWorking] = useState(false);
  const run = async () => {
    setWorking(true);
    try {
      const file = await consoleClient().invoke('reports.export', { filter, lang: i18n.language === 'en' ? 'en' : 'zh' });
      downloadBase64(file.fileName, file.mime, file.contentBase64);
      void message.success(t('export.done', { fileName: file.fileName }));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setWorking(false);
    }
  };
  return (
    <Button size="large" icon={<DownloadOutlined />} loading={working} onClick={() => void run()}>
      {working ? t('export.working') : t('export.button')}
    </Button>
  );
}

function MonthlyButton({ filter }: { filter: ReportFilter }) {
  const { t } = useTranslation('reports');
  const navigate = useNavigate();
  const month = filter.from.slice(0, 7);
  const query = new URLSearchParams(filterToParams(filter));
  query.delete('from');
  query.delete('to');
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  return (
    <Button size="large" type="primary" icon={<FileTextOutlined />} onClick={() => void navigate(`/reports/monthly/${month}${suffix}`)}>
      {t('filter.monthly')}
    </Button>
  );
}
