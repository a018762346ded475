// 故障处理报告: the post-incident fault report on paper, in the seed's terms, ready for signature; a toolbar only on screen.
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Result, Spin, theme } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { IncidentDetail, JournalEntry } from '../../../shared/contract';
import { incidentStateLabels } from '../../../shared/domain/incidents/incident-lifecycle';
import { milestoneKinds, type MilestoneState } from '../../../shared/domain/incidents/sla-clock';
import { slaLevelDefinitions } from '../../../shared/domain/incidents/sla-levels';
import { consoleTheme } from '../app/theme';
import { useErrorMessage } from '../app/use-error-message';
import { RepairsReportSection } from '../repairs/RepairsReportSection';
import { useSystems } from './use-systems';
import { useOperatorWords } from '../sync/operator-words';
import { useContractQuery } from '../transport/use-contract';
import { faultReportCss } from './fault-report-css';
import { useDuration, useEnglish } from './incident-format';
import { timelineLine } from './timeline-entry';

/** Paper is white: the report drops the console's dark theme. */
const paperTheme = { inherit: false, algorithm: theme.defaultAlgorithm, token: { fontFamily: consoleTheme.token?.fontFamily, fontSize: 15, controlHeight: 38 } };

/** The level colours darkened for white paper (gold on white cannot be read). */
const printLevelColours = { I: '#cf1322', II: '#d46b08', III: '#8a6d00', IV: '#0958d9' } as const;

/** The steps worth a line on paper: the lifecycle and the notes, not file uploads or record edits. */
const summarisedTypes = new Set([
  'incident.reported', 'incident.responded', 'incident.plan_submitted', 'incident.work_started', 'incident.emergency_plan_submitted',
  'incident.resolved', 'incident.fault_report_submitted', 'incident.closed', 'incident.reopened', 'incident.level_changed',
  'incident.note_added', 'incident.sla_overdue',
]);

export function FaultReportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('incidents');
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const detail = useContractQuery('incidents.get', { id });
  const timeline = useContractQuery('incidents.timeline', { id });
  const catalog = useSystems();
  const ready = detail.data !== undefined && timeline.data !== undefined && catalog.loaded;
  const goBack = () => (window.history.length > 1 ? navigate(-1) : navigate(`/incidents/${id}`));

  let body;
  if (detail.isError) body = <Result status="error" title={errorMessage(detail.error)} />;
  else if (timeline.isError) body = <Result status="error" title={errorMessage(timeline.error)} />;
  else if (!ready) body = <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  else body = <FaultReportSheet detail={detail.data} timeline={timeline.data} systemName={catalog.systemName(detail.data.incident.systemId)} />;

  return (
    <ConfigProvider theme={paperTheme}>
      <style>{faultReportCss}</style>
      <div className="fault-report-page" data-ready={ready ? 'true' : 'false'}>
        <div className="paper-toolbar">
          <Button size="large" icon={<ArrowLeftOutlined />} onClick={() => void goBack()}>{t('print.back')}</Button>
          <Button size="large" type="primary" icon={<PrinterOutlined />} disabled={!ready} onClick={() => window.print()}>{t('print.print')}</Button>
        </div>
        {body}
      </div>
    </ConfigProvider>
  );
}

function FaultReportSheet({ detail, timeline, systemName }: { detail: IncidentDetail; timeline: JournalEntry[]; systemName: string }) {
  const { t } = useTranslation('incidents');
  const operatorWords = useOperatorWords();
  const english = useEnglish();
  const lang = english ? 'en' : 'zh';
  const duration = useDuration();
  const { incident, milestones, devices } = detail;
  const r = incident.record;
  const time = (at: number | undefined) => (at === undefined ? '—' : dayjs(at).format('YYYY-MM-DD HH:mm'));
  const metAt = (m: MilestoneState) => (m.state === 'met' ? m.at : undefined);
  const level = slaLevelDefinitions[incident.level];
  const deviceNames = [...devices.map((d) => `${d.name}(${d.assetTag})`), incident.deviceText].filter(Boolean).join('、');

  const result = (m: MilestoneState) => {
    if (m.state === 'met') return m.late ? <span className="fr-late">{t('print.late', { time: duration(m.lateByMs) })}</span> : t('print.inTime');
    if (m.state === 'overdue') return <span className="fr-late">{t('clock.overdue', { time: duration(m.overdueByMs) })}</span>;
    return t('print.pending');
  };

  return (
    <div className="paper-sheet fault-report-sheet" data-testid="fault-report">
      <h1>{t('print.title')}</h1>
      <div className="fr-number">{t('print.number')}:{incident.number}</div>

      <h2>{t('print.facts')}</h2>
      <table>
        <tbody>
          <tr>
            <th>{t('print.system')}</th><td>{systemName}</td>
            <th>{t('print.level')}</th>
            <td><span className="fr-level" style={{ color: printLevelColours[incident.level] }}>{t('level.tag', { level: incident.level, name: level.name[lang] })}</span></td>
          </tr>
          <tr><th>{t('fields.description')}</th><td className="fr-text" colSpan={3}>{r.description}</td></tr>
          <tr><th>{t('fields.location')}</th><td>{r.location || '—'}</td><th>{t('fields.reporter')}</th><td>{r.reporter}{incident.callbackPhone ? ` ${incident.callbackPhone}` : ''}</td></tr>
          <tr><th>{t('print.device')}</th><td colSpan={3}>{deviceNames || '—'}</td></tr>
          <tr><th>{t('fields.occurredAt')}</th><td>{time(r.occurredAt)}</td><th>{t('print.reportedAt')}</th><td>{time(incident.reportedAt)}</td></tr>
          <tr>
            <th>{t('print.respondedAt')}</th><td>{time(metAt(milestones.milestones.response))}</td>
            <th>{t('print.resolvedAt')}</th><td>{time(metAt(milestones.milestones.resolution))}</td>
          </tr>
        </tbody>
      </table>

      <h2>{t('print.title')}</h2>
      <table>
        <tbody>
          {(['faultType', 'cause', 'method', 'loss', 'prevention'] as const).map((f) => (
            <tr key={f}><th>{t(`fields.${f}`)}</th><td className="fr-text">{r[f] || '—'}</td></tr>
          ))}
        </tbody>
      </table>

      <h2>{t('print.compliance')}</h2>
      <table>
        <thead><tr><th>{t('print.milestone')}</th><th>{t('print.dueAt')}</th><th>{t('print.metAt')}</th><th>{t('print.result')}</th></tr></thead>
        <tbody>
          {milestoneKinds.map((kind) => {
            const m = milestones.milestones[kind];
            if (m.state === 'not_applicable') return null;
            return (
              <tr key={kind} data-milestone={kind}>
                <td>{t(`milestone.${kind}`)}</td><td>{time(m.dueAt)}</td><td>{time(metAt(m))}{m.state === 'met' ? ` ${operatorWords(m.by)}` : ''}</td><td>{result(m)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2>{t('print.steps')}</h2>
      <table className="fr-steps">
        <tbody>
          {timeline.filter((e) => summarisedTypes.has(e.type)).map((e) => {
            const line = timelineLine(e, t);
            return (
              <tr key={e.id}>
                <th>{time(e.at)}</th>
                <td>
                  {line.title} · {operatorWords(e.operator)}
                  {line.details.filter((d) => d.label).slice(0, 2).map((d, i) => <div key={i} style={{ whiteSpace: 'pre-wrap' }}>{d.label}:{d.value}</div>)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <RepairsReportSection incidentId={incident.id} />

      <div className="fr-signatures">
        <div className="fr-sign">{t('print.engineerSign')}:</div>
        <div className="fr-sign">{t('print.customerSign')}:</div>
        <div className="fr-sign">{t('print.date')}:</div>
        <div className="fr-sign">{t('print.date')}:</div>
      </div>
      <div className="fr-printed">
        {incidentStateLabels[incident.state][lang]} · {t('print.printedAt', { time: dayjs().format('YYYY-MM-DD HH:mm') })}
      </div>
    </div>
  );
}
