// 系统缺陷类问题提交单 on A4: the problem, every step with who and when, the change record, signature lines.
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Result, Spin } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { DefectDetail } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { faultReportCss } from '../incidents/fault-report-css';
import { useSystems } from '../incidents/use-systems';
import { useContractQuery } from '../transport/use-contract';
import { ChangeRecordTable } from './ChangeRecordTable';
import { stepChanges, stepFields } from './defect-steps-view';
import { paperTheme } from './paper-theme';
import { problemFormCss } from './problem-form-css';

export function DefectPrintPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('problems');
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const detail = useContractQuery('defects.get', { id });
  const systems = useSystems();
  const ready = detail.data !== undefined && systems.loaded;
  let body;
  if (detail.isError) body = <Result status="error" title={errorMessage(detail.error)} />;
  else if (!ready) body = <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  else body = <DefectSheet detail={detail.data} systemName={systems.systemName(detail.data.defect.systemId)} />;
  return (
    <ConfigProvider theme={paperTheme}>
      <style>{faultReportCss + problemFormCss}</style>
      <div className="fault-report-page" data-ready={ready ? 'true' : 'false'}>
        <div className="paper-toolbar">
          <Button size="large" icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/problems/defects/${id}`)}>{t('print.back')}</Button>
          <Button size="large" type="primary" icon={<PrinterOutlined />} disabled={!ready} onClick={() => window.print()}>{t('print.print')}</Button>
        </div>
        {body}
      </div>
    </ConfigProvider>
  );
}

function DefectSheet({ detail, systemName }: { detail: DefectDetail; systemName: string }) {
  const { t } = useTranslation('problems');
  const { defect, devices, steps } = detail;
  const time = (at: number) => dayjs(at).format('YYYY-MM-DD HH:mm');
  const changes = steps.flatMap(stepChanges);
  return (
    <div className="paper-sheet fault-report-sheet" data-testid="defect-form-sheet">
      <h1>{t('defect.title')}</h1>
      <div className="fr-number">{t('print.number')}:{defect.number}</div>
      <h2>{t('print.facts')}</h2>
      <table>
        <tbody>
          <tr><th>{t('defect.name')}</th><td colSpan={3}>{defect.title}</td></tr>
          <tr><th>{t('defect.description')}</th><td className="fr-text" colSpan={3}>{defect.description}</td></tr>
          <tr><th>{t('defect.submitter')}</th><td>{defect.submitter}</td><th>{t('defect.submittedAt')}</th><td>{time(defect.submittedAt)}</td></tr>
          <tr><th>{t('defect.system')}</th><td>{systemName}</td><th>{t('defect.state')}</th><td>{t(`state.${defect.state}`)}</td></tr>
          <tr><th>{t('defect.devices')}</th><td colSpan={3}>{devices.map((d) => `${d.name}(${d.assetTag})`).join('、') || '—'}</td></tr>
          <tr><th>{t('defect.upstream')}</th><td colSpan={3}>{t(`upstream.${defect.upstream}`)}</td></tr>
        </tbody>
      </table>
      <h2>{t('print.steps')}</h2>
      <table className="fr-steps pf-steps">
        <tbody>
          {steps.map((s, i) => (
            <tr key={i}>
              <th>{time(s.at)}</th>
              <td>
                <strong>{t(`step.${s.action}`)}</strong> · {s.by}
                {stepFields(s, t).map((f) => <div key={f.label} style={{ whiteSpace: 'pre-wrap' }}>{f.label}:{f.value}</div>)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {changes.length > 0 && (
        <>
          <h2>{t('print.changeRecord')}</h2>
          <ChangeRecordTable changes={changes} className="fr-steps pf-steps" />
        </>
      )}
      <div className="pf-signatures">
        <div className="fr-sign">{t('print.submitterSign')}:</div>
        <div className="fr-sign">{t('print.engineerSign')}:</div>
        <div className="fr-sign">{t('print.supervisorSign')}:</div>
        <div className="fr-sign">{t('print.date')}:</div>
        <div className="fr-sign">{t('print.date')}:</div>
        <div className="fr-sign">{t('print.date')}:</div>
      </div>
      <div className="fr-printed">{t('print.printedAt', { time: dayjs().format('YYYY-MM-DD HH:mm') })}</div>
    </div>
  );
}
