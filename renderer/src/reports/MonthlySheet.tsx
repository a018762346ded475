// The monthly service report's sheet: the month at a glance, SLA results with a chart, the incidents, failures and
// their causes, the devices that failed most, the maintenance done, the supervisor's suggestions, signature lines.
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MonthlyReport } from '../../../shared/contract';
import { milestoneKinds } from '../../../shared/domain/incidents/sla-clock';
import { FigureBarChart, ShareBarChart } from './report-charts';
import { percentText, shareOf, shareRow } from './report-format';
import type { ReportNames } from './use-report-names';

/** 182 mm of printable width at 96 px per inch, a little under, so the SVG never reaches the margin. */
const chartWidth = 660;
const time = (at: number | null) => (at === null ? '' : dayjs(at).format('MM-DD HH:mm'));

export function MonthlySheet({ report, names }: { report: MonthlyReport; names: ReportNames }) {
  const { t, i18n } = useTranslation('reports');
  const colon = i18n.language === 'en' ? ': ' : '：';
  const o = report.overview;
  const total = o.sla.total;
  const alarms = o.alarmsPerDay.reduce((n, d) => n + d.critical + d.major + d.minor + d.info, 0);
  const resolved = report.incidents.filter((i) => i.resolvedAt !== null).length;
  const causes = o.incidentsByCause.map((r) => ({ key: r.key || '-', label: r.key || t('counts.notGiven'), count: r.count }));
  const levels = [...o.sla.byLevel.filter((g) => g.incidents > 0), total];

  return (
    <article className="monthly-report paper-sheet" data-testid="monthly-report">
      <h1>{t('monthly.title')}</h1>
      <p className="subtitle">{t('monthly.subtitle', { month: report.month })}</p>
      <table className="meta">
        <tbody>
          <tr>
            <td>{t('monthly.period')}{colon}{o.filter.from} — {o.filter.to}</td>
            <td>{t('monthly.system')}{colon}{o.filter.systemId ? names.system(o.filter.systemId) : t('filter.allSystems')}{o.filter.location ? ` · ${o.filter.location}` : ''}</td>
            <td>{t('monthly.generated')}{colon}{dayjs(o.generatedAt).format('YYYY-MM-DD HH:mm')}</td>
          </tr>
        </tbody>
      </table>

      <h2>{t('monthly.summary')}</h2>
      <p className="text" data-testid="monthly-summary">
        {t('monthly.summaryText', {
          incidents: total.incidents,
          resolved,
          response: percentText(shareOf(total, 'response')),
          resolution: percentText(shareOf(total, 'resolution')),
          maintenance: report.maintenanceDone.length,
          alarms,
        })}
      </p>

      <h2>{t('monthly.slaSection')}</h2>
      <figure data-testid="monthly-sla-chart">
        <ShareBarChart rows={o.sla.byLevel.filter((g) => g.incidents > 0).map((g) => shareRow(g, names.level(g.key)))} look={{ paper: { width: chartWidth, height: 200 } }} />
      </figure>
      <table className="ruled">
        <thead>
          <tr>
            <th>{t('monthly.level')}</th>
            <th className="num">{t('sla.incidents')}</th>
            {milestoneKinds.map((k) => <th key={k} className="num">{t(`milestone.${k}`)}</th>)}
          </tr>
        </thead>
        <tbody>
          {levels.map((g) => (
            <tr key={g.key}>
              <td>{names.level(g.key)}</td>
              <td className="num">{g.incidents}</td>
              {milestoneKinds.map((k) => (
                <td key={k} className="num">
                  {percentText(shareOf(g, k))} <small>({g.milestones[k].met}/{g.milestones[k].met + g.milestones[k].missed})</small>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('monthly.incidentsSection')}</h2>
      {report.incidents.length === 0 ? (
        <p className="text">{t('monthly.none')}</p>
      ) : (
        <table className="ruled" data-testid="monthly-incidents">
          <thead>
            <tr>
              <th>{t('monthly.number')}</th>
              <th>{t('monthly.titleCol')}</th>
              <th>{t('monthly.level')}</th>
              <th>{t('monthly.reportedAt')}</th>
              <th>{t('monthly.resolvedAt')}</th>
              <th>{t('monthly.cause')}</th>
              <th>{t('monthly.missed')}</th>
            </tr>
          </thead>
          <tbody>
            {report.incidents.map((i) => (
              <tr key={i.id}>
                <td>{i.number}</td>
                <td>{i.title}<br /><small>{names.system(i.systemId)}{i.location ? ` · ${i.location}` : ''}</small></td>
                <td>{i.level}</td>
                <td>{time(i.reportedAt)}</td>
                <td>{time(i.resolvedAt)}</td>
                <td>{[i.faultType, i.cause, i.method].filter(Boolean).join(';')}</td>
                <td className={i.missed.length > 0 ? 'missed' : undefined}>{i.missed.map((k) => t(`milestone.${k}`)).join('、') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('monthly.causesSection')}</h2>
      {causes.length > 0 && (
        <figure data-testid="monthly-causes-chart">
          <FigureBarChart rows={causes.slice(0, 8)} series={[{ key: 'count', name: t('counts.count'), colour: '#13c2c2' }]} look={{ paper: { width: chartWidth, height: Math.max(80, Math.min(8, causes.length) * 24 + 40) } }} />
        </figure>
      )}
      <table className="ruled">
        <thead>
          <tr><th>{t('monthly.cause')}</th><th className="num">{t('counts.count')}</th></tr>
        </thead>
        <tbody>
          {causes.map((c) => <tr key={c.key}><td>{c.label}</td><td className="num">{c.count}</td></tr>)}
        </tbody>
      </table>

      <h2>{t('monthly.devicesSection')}</h2>
      {o.failingDevices.length === 0 ? (
        <p className="text">{t('devices.none')}</p>
      ) : (
        <table className="ruled">
          <thead>
            <tr><th>{t('devices.device')}</th><th>{t('filter.system')}</th><th>{t('devices.place')}</th><th className="num">{t('devices.incidents')}</th><th className="num">{t('devices.alarms')}</th></tr>
          </thead>
          <tbody>
            {o.failingDevices.map((d) => (
              <tr key={d.deviceId}><td>{d.assetTag} {d.name}</td><td>{names.system(d.systemId)}</td><td>{d.place}</td><td className="num">{d.incidents}</td><td className="num">{d.alarms}</td></tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('monthly.maintenanceSection')}</h2>
      {report.maintenanceDone.length === 0 ? (
        <p className="text">{t('monthly.none')}</p>
      ) : (
        <table className="ruled" data-testid="monthly-maintenance">
          <thead>
            <tr><th>{t('monthly.number')}</th><th>{t('monthly.task')}</th><th>{t('monthly.engineer')}</th><th>{t('monthly.finishedAt')}</th><th>{t('monthly.findings')}</th></tr>
          </thead>
          <tbody>
            {report.maintenanceDone.map((m) => (
              <tr key={m.id}>
                <td>{m.number}</td>
                <td>{m.title}{m.systemId ? <><br /><small>{names.system(m.systemId)}</small></> : null}</td>
                <td>{m.engineer}</td>
                <td>{m.finishedAt ? dayjs(m.finishedAt).format('YYYY-MM-DD') : ''}</td>
                <td>{m.devices > 0 ? `${t('monthly.devices', { n: m.devices, failed: m.failed })}${m.findings ? `;${m.findings}` : ''}` : m.findings}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('monthly.suggestionsSection')}</h2>
      <p className="text suggestions" data-testid="monthly-suggestions">{report.suggestions.text || t('monthly.none')}</p>

      <div className="signatures">
        <div className="signature"><span>{t('monthly.signSupplier')}{colon}</span><span /></div>
        <div className="signature"><span>{t('monthly.signDate')}{colon}</span><span /></div>
        <div className="signature"><span>{t('monthly.signCustomer')}{colon}</span><span /></div>
        <div className="signature"><span>{t('monthly.signDate')}{colon}</span><span /></div>
      </div>
    </article>
  );
}
