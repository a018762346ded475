// The SLA part of the reports page: compliance by level, system and month (chart and table), and the misses, linked.
import { Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportOverview, SlaGroup, SlaMiss } from '../../../shared/contract';
import { milestoneKinds } from '../../../shared/domain/incidents/sla-clock';
import { ShareBarChart, ShareLineChart } from './report-charts';
import { percentText, shareOf, shareRow } from './report-format';
import { ReportSection } from './ReportSection';
import type { ReportNames } from './use-report-names';

export function SlaSections({ overview, names }: { overview: ReportOverview; names: ReportNames }) {
  const { t } = useTranslation('reports');
  const { sla } = overview;
  const levelRows = [...sla.byLevel, sla.total];
  return (
    <>
      <ReportSection
        testId="sla-by-level"
        title={t('sla.byLevel')}
        chart={<ShareBarChart rows={sla.byLevel.map((g) => shareRow(g, g.key))} />}
        table={<ShareTable groups={levelRows} label={(g) => names.level(g.key)} first={t('monthly.level')} />}
      />
      <ReportSection
        testId="sla-by-system"
        title={t('sla.bySystem')}
        chart={<ShareBarChart rows={sla.bySystem.map((g) => shareRow(g, names.system(g.key)))} kinds={['response', 'plan', 'resolution']} />}
        table={<ShareTable groups={sla.bySystem} label={(g) => names.system(g.key)} first={t('filter.system')} />}
      />
      <ReportSection
        testId="sla-by-month"
        title={t('sla.byMonth')}
        chart={<ShareLineChart rows={sla.byMonth.map((g) => shareRow(g, g.key))} />}
        table={<ShareTable groups={sla.byMonth} label={(g) => g.key} first={t('monthly.month')} />}
      />
      <MissesTable misses={sla.misses} total={sla.missesTotal} names={names} />
    </>
  );
}

function ShareTable({ groups, label, first }: { groups: SlaGroup[]; label: (g: SlaGroup) => string; first: string }) {
  const { t } = useTranslation('reports');
  const columns: ColumnsType<SlaGroup> = [
    { key: 'label', title: first, render: (_, g) => label(g), fixed: 'left' },
    { key: 'incidents', title: t('sla.incidents'), dataIndex: 'incidents', align: 'right' },
    ...milestoneKinds.map((k) => ({
      key: k,
      title: t(`milestone.${k}`),
      align: 'right' as const,
      render: (_: unknown, g: SlaGroup) => {
        const tally = g.milestones[k];
        const share = shareOf(g, k);
        return (
          <span title={`${t('sla.metMissed', { met: tally.met, missed: tally.missed })}${tally.pending ? ` · ${t('sla.pending', { n: tally.pending })}` : ''}`} data-testid={`share-${g.key}-${k}`}>
            <Typography.Text type={share !== null && share < 1 ? 'warning' : undefined}>{percentText(share)}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {tally.met}/{tally.met + tally.missed}
            </Typography.Text>
          </span>
        );
      },
    })),
  ];
  return <Table rowKey="key" size="small" columns={columns} dataSource={groups} pagination={false} scroll={{ x: true }} />;
}

function MissesTable({ misses, total, names }: { misses: SlaMiss[]; total: number; names: ReportNames }) {
  const { t } = useTranslation('reports');
  const time = (at: number) => dayjs(at).format('YYYY-MM-DD HH:mm');
  const late = (ms: number) => (ms >= 86_400_000 ? t('days', { n: (ms / 86_400_000).toFixed(1) }) : ms >= 3_600_000 ? t('hours', { n: (ms / 3_600_000).toFixed(1) }) : t('minutes', { n: Math.max(1, Math.round(ms / 60_000)) }));
  const columns: ColumnsType<SlaMiss> = [
    { key: 'number', title: t('monthly.number'), render: (_, m) => <Link to={`/incidents/${m.incidentId}`}>{m.number}</Link> },
    { key: 'title', title: t('monthly.titleCol'), dataIndex: 'title', ellipsis: true },
    { key: 'level', title: t('monthly.level'), render: (_, m) => names.level(m.level) },
    { key: 'system', title: t('filter.system'), render: (_, m) => names.system(m.systemId) },
    { key: 'milestone', title: t('monthly.missed'), render: (_, m) => <Tag color="orange">{t(`milestone.${m.milestone}`)}</Tag> },
    { key: 'due', title: t('sla.dueAt'), render: (_, m) => time(m.dueAt) },
    { key: 'met', title: t('sla.metAt'), render: (_, m) => (m.metAt === null ? <Typography.Text type="danger">{t('sla.notMet')}</Typography.Text> : time(m.metAt)) },
    { key: 'late', title: t('sla.late'), align: 'right', render: (_, m) => late(m.lateByMs) },
  ];
  return (
    <Card data-testid="sla-misses" title={`${t('sla.misses')} (${total > misses.length ? t('sla.latest', { shown: misses.length, total }) : total})`}>
      <Table
        rowKey={(m) => `${m.incidentId}/${m.milestone}`}
        size="small"
        columns={columns}
        dataSource={misses}
        locale={{ emptyText: t('sla.noMisses') }}
        pagination={misses.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        scroll={{ x: true }}
      />
    </Card>
  );
}
