// The device page's trends: pick a reading and a range; the chart, the alarms on it, and the same figures as a table.
import { Alert, Card, DatePicker, Empty, Flex, List, Segmented, Select, Spin, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryPoint, ReadingSeries } from '../../../shared/contract/readings';
import { useErrorMessage } from '../app/use-error-message';
import { useContractQuery } from '../transport/use-contract';
import { ReadingChart } from './ReadingChart';
import { formatAt, formatDuration, formatValue, rowFormatFor } from './reading-format';

const rangeKeys = ['1h', '24h', '7d', '30d', '1y', 'custom'] as const;
type RangeKey = (typeof rangeKeys)[number];
const rangeMs: Record<Exclude<RangeKey, 'custom'>, number> = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000, '1y': 365 * 86_400_000 };

const seriesId = (s: ReadingSeries) => `${s.linkId}|${s.key}`;

export function ReadingHistoryCard({ assetId }: { assetId: string }) {
  const { t, i18n } = useTranslation('readings');
  // Asked again every 5 s until the device has a stored reading: a link just connected reports within seconds, and a
  // page opened before that would otherwise say "no readings yet" until it is reopened.
  const series = useContractQuery('readings.series', { assetId }, { refetchInterval: (query) => (query.state.data?.length ? false : 5_000) });
  const [picked, setPicked] = useState<string | null>(null);
  const [range, setRange] = useState<RangeKey>('24h');
  const [custom, setCustom] = useState<[Dayjs, Dayjs] | null>(null);
  const english = i18n.language === 'en';
  const list = series.data ?? [];
  const current = list.find((s) => seriesId(s) === picked) ?? list[0];

  return (
    <Card title={t('title')} data-testid="reading-history">
      {series.isPending && <Spin />}
      {series.data && list.length === 0 && <Typography.Text type="secondary">{t('none')}</Typography.Text>}
      {current && (
        <Flex vertical gap={16}>
          <Flex gap={16} wrap align="center">
            <Select
              size="large"
              aria-label={t('reading')}
              style={{ minWidth: 280 }}
              value={seriesId(current)}
              onChange={setPicked}
              options={list.map((s) => ({ value: seriesId(s), label: `${english ? s.label.en : s.label.zh}${s.unit ? ` (${s.unit})` : ''} · ${s.linkName}` }))}
            />
            <Segmented<RangeKey> size="large" aria-label={t('range')} value={range} onChange={setRange} options={rangeKeys.map((k) => ({ value: k, label: t(`ranges.${k}`) }))} />
            {range === 'custom' && (
              <DatePicker.RangePicker
                size="large"
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                value={custom}
                onChange={(v) => setCustom(v && v[0] && v[1] ? [v[0], v[1]] : null)}
                disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
              />
            )}
          </Flex>
          <SeriesHistory series={current} range={range} custom={custom} />
        </Flex>
      )}
    </Card>
  );
}

/** The range in epoch ms, taken once per choice (not every render), rounded to the second so the query key is stable. */
function useRangeBounds(range: RangeKey, custom: [Dayjs, Dayjs] | null): { from: number; to: number } | null {
  return useMemo(() => {
    if (range === 'custom') return custom ? { from: custom[0].valueOf(), to: custom[1].valueOf() } : null;
    const to = Math.ceil(Date.now() / 1_000) * 1_000;
    return { from: to - rangeMs[range], to };
  }, [range, custom]);
}

function SeriesHistory({ series, range, custom }: { series: ReadingSeries; range: RangeKey; custom: [Dayjs, Dayjs] | null }) {
  const { t, i18n } = useTranslation('readings');
  const errorMessage = useErrorMessage();
  const english = i18n.language === 'en';
  const bounds = useRangeBounds(range, custom);
  const history = useContractQuery(
    'readings.history',
    { linkId: series.linkId, key: series.key, from: bounds?.from ?? 0, to: bounds?.to ?? 1, maxPoints: 1_000 },
    { enabled: bounds !== null && bounds.to > bounds.from, refetchInterval: range === '1h' ? 15_000 : 60_000 },
  );
  const label = english ? series.label.en : series.label.zh;
  if (!bounds) return null;
  if (history.isError) return <Alert type="error" showIcon title={errorMessage(history.error)} />;
  if (!history.data) return <Spin />;
  const data = history.data;
  const format = t('formats.full');
  const rowFormat = rowFormatFor(data.bucketMs, t);
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">
        {t('resolutionLine', { level: t(`resolution.${data.level}`), bucket: formatDuration(data.bucketMs, t) })}
      </Typography.Text>
      {data.points.length === 0 ? <Empty description={t('noData')} /> : <ReadingChart history={data} label={label} />}
      {data.alarms.length > 0 && (
        <List
          header={<Typography.Text strong>{t('alarmsTitle')}</Typography.Text>}
          size="small"
          bordered
          dataSource={data.alarms}
          renderItem={(a) => (
            <List.Item data-testid="reading-alarm">
              <Typography.Text type="danger">{t('alarmRaised', { time: formatAt(a.raisedAt, format), text: english ? a.text.en : a.text.zh })}</Typography.Text>
              <Typography.Text type="secondary">{a.restoredAt ? t('alarmRestored', { time: formatAt(a.restoredAt, format) }) : t('stillActive')}</Typography.Text>
            </List.Item>
          )}
        />
      )}
      {data.points.length > 0 && (
        <Table<HistoryPoint>
          rowKey="at"
          size="small"
          data-testid="reading-table"
          caption={<Typography.Text type="secondary">{t('tableCaption', { reading: label, from: formatAt(data.from, format), to: formatAt(data.to, format) })}</Typography.Text>}
          dataSource={[...data.points].reverse()}
          pagination={{ pageSize: 12, showSizeChanger: false }}
          columns={[
            { key: 'at', title: t('columns.at'), render: (_v, p) => formatAt(p.at, rowFormat) },
            { key: 'min', title: t('columns.min'), align: 'right', render: (_v, p) => formatValue(p.min, series.unit) },
            { key: 'mean', title: t('columns.mean'), align: 'right', render: (_v, p) => formatValue(p.mean, series.unit) },
            { key: 'max', title: t('columns.max'), align: 'right', render: (_v, p) => formatValue(p.max, series.unit) },
            { key: 'count', title: t('columns.count'), align: 'right', dataIndex: 'count' },
          ]}
        />
      )}
    </Flex>
  );
}
