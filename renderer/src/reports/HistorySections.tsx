// The service history part of the reports page: mean times, incidents by system / level / cause, the devices that
// fail most, alarms per day, spare parts, maintenance and problem records; each a chart with its table beside it.
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportOverview } from '../../../shared/contract';
import { alarmColours } from '../app/theme';
import { FigureBarChart, severityColours } from './report-charts';
import { hoursOf, minutesOf } from './report-format';
import { ReportSection } from './ReportSection';
import type { ReportNames } from './use-report-names';

type Row = Record<string, string | number | null> & { key: string };
const severities = ['critical', 'major', 'minor', 'info'] as const;

function FigureTable({ rows, columns }: { rows: Row[]; columns: { key: string; title: string; numeric?: boolean }[] }) {
  return (
    <Table
      rowKey="key"
      size="small"
      dataSource={rows}
      pagination={rows.length > 12 ? { pageSize: 12, showSizeChanger: false } : false}
      scroll={{ x: true }}
      columns={columns.map((c) => ({ key: c.key, dataIndex: c.key, title: c.title, align: c.numeric ? 'right' : 'left', render: (v: unknown) => (v === null ? '—' : String(v)) }))}
    />
  );
}

export function HistorySections({ overview: o, names }: { overview: ReportOverview; names: ReportNames }) {
  const { t } = useTranslation('reports');
  const times: Row[] = [...o.meanTimes.byLevel, o.meanTimes.total].map((m) => ({
    key: m.key,
    label: names.level(m.key),
    respond: minutesOf(m.respondMs),
    responded: m.responded,
    resolve: hoursOf(m.resolveMs),
    resolved: m.resolved,
  }));
  const bySystem: Row[] = o.incidentsBySystem.map((r) => ({ key: r.key, label: names.system(r.key), count: r.count }));
  const byLevel: Row[] = o.incidentsByLevel.map((r) => ({ key: r.key, label: names.level(r.key), count: r.count }));
  const byCause: Row[] = o.incidentsByCause.map((r) => ({ key: r.key || '-', label: r.key || t('counts.notGiven'), count: r.count }));
  const devices: Row[] = o.failingDevices.map((d) => ({ key: d.deviceId, label: `${d.assetTag} ${d.name}`, system: names.system(d.systemId), place: d.place, incidents: d.incidents, alarms: d.alarms }));
  const alarms: Row[] = o.alarmsPerDay.map((d) => ({ key: d.day, ...d, label: d.day.slice(5), total: d.critical + d.major + d.minor + d.info }));
  const spares: Row[] = o.spareUse.map((s) => ({ key: `${s.systemId}/${s.typeId}`, label: names.type(s.systemId, s.typeId), system: names.system(s.systemId), used: s.used, added: s.added }));
  const m = o.maintenance;
  const maintenance: Row[] = [
    { key: 'planned', label: t('maintenance.planned'), count: m.planned },
    { key: 'done', label: t('maintenance.done'), count: m.done },
    { key: 'onTime', label: t('maintenance.onTime'), count: m.onTime },
    { key: 'overdue', label: t('maintenance.overdue'), count: m.overdue },
  ];
  const problems: Row[] = [
    { key: 'consultations', label: t('problems.consultations'), count: o.problems.consultations },
    ...o.problems.defectsByState.filter((d) => d.count > 0).map((d) => ({ key: d.state, label: `${t('problems.defects')} · ${t(`problems:state.${d.state}`)}`, count: d.count })),
  ];
  const label = { key: 'label', title: '' };
  const count = { key: 'count', title: t('counts.count'), numeric: true };
  const one = (name: string, colour: string) => [{ key: 'count', name, colour }];

  return (
    <>
      <ReportSection
        testId="mean-times"
        title={t('times.title')}
        chart={<FigureBarChart rows={times} series={[{ key: 'respond', name: t('times.respond'), colour: '#1677ff' }, { key: 'resolve', name: t('times.resolve'), colour: '#52c41a' }]} />}
        table={<FigureTable rows={times} columns={[{ ...label, title: t('monthly.level') }, { key: 'respond', title: t('times.respond'), numeric: true }, { key: 'responded', title: t('times.responded'), numeric: true }, { key: 'resolve', title: t('times.resolve'), numeric: true }, { key: 'resolved', title: t('times.resolved'), numeric: true }]} />}
      />
      <ReportSection
        testId="incidents-by-system"
        title={t('counts.bySystem')}
        chart={<FigureBarChart rows={bySystem} series={one(t('counts.count'), '#1677ff')} />}
        table={<FigureTable rows={bySystem} columns={[{ ...label, title: t('filter.system') }, count]} />}
      />
      <ReportSection
        testId="incidents-by-level"
        title={t('counts.byLevel')}
        chart={<FigureBarChart rows={byLevel} series={one(t('counts.count'), alarmColours.major)} />}
        table={<FigureTable rows={byLevel} columns={[{ ...label, title: t('monthly.level') }, count]} />}
      />
      <ReportSection
        testId="incidents-by-cause"
        title={t('counts.byCause')}
        chart={<FigureBarChart rows={byCause.slice(0, 12)} series={one(t('counts.count'), '#13c2c2')} />}
        table={<FigureTable rows={byCause} columns={[{ ...label, title: t('monthly.cause') }, count]} />}
      />
      <ReportSection
        testId="failing-devices"
        title={t('devices.title')}
        chart={<FigureBarChart rows={devices} series={[{ key: 'incidents', name: t('devices.incidents'), colour: alarmColours.critical }, { key: 'alarms', name: t('devices.alarms'), colour: alarmColours.major }]} />}
        table={<FigureTable rows={devices} columns={[{ ...label, title: t('devices.device') }, { key: 'system', title: t('filter.system') }, { key: 'place', title: t('devices.place') }, { key: 'incidents', title: t('devices.incidents'), numeric: true }, { key: 'alarms', title: t('devices.alarms'), numeric: true }]} />}
      />
      <ReportSection
        testId="alarms-per-day"
        title={t('alarms.title')}
        chart={<FigureBarChart layout="horizontal" stacked rows={alarms} series={severities.map((s) => ({ key: s, name: t(`alarms.${s}`), colour: severityColours[s] }))} />}
        table={<FigureTable rows={alarms} columns={[{ key: 'day', title: t('alarms.day') }, ...severities.map((s) => ({ key: s, title: t(`alarms.${s}`), numeric: true })), { key: 'total', title: t('alarms.total'), numeric: true }]} />}
      />
      <ReportSection
        testId="spare-use"
        title={t('spares.title')}
        chart={<FigureBarChart rows={spares} series={[{ key: 'used', name: t('spares.used'), colour: alarmColours.major }, { key: 'added', name: t('spares.added'), colour: alarmColours.normal }]} />}
        table={<FigureTable rows={spares} columns={[{ ...label, title: t('spares.type') }, { key: 'system', title: t('filter.system') }, { key: 'used', title: t('spares.used'), numeric: true }, { key: 'added', title: t('spares.added'), numeric: true }]} />}
      />
      <ReportSection
        testId="maintenance-completion"
        title={t('maintenance.title')}
        chart={<FigureBarChart rows={maintenance} series={one(t('counts.count'), '#52c41a')} />}
        table={<FigureTable rows={maintenance} columns={[{ ...label, title: t('maintenance.title') }, count]} />}
      />
      <ReportSection
        testId="problem-records"
        title={t('problems.title')}
        chart={<FigureBarChart rows={problems} series={one(t('counts.count'), '#722ed1')} />}
        table={<FigureTable rows={problems} columns={[{ ...label, title: t('problems.state') }, count]} />}
      />
    </>
  );
}
