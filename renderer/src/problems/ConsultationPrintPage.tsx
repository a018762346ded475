// 咨询类问题记录 on A4: who asked, how, the question, the answer, who answered and when, signature lines.
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Result, Spin } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Consultation } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { faultReportCss } from '../incidents/fault-report-css';
import { useSystems } from '../incidents/use-systems';
import { useContractQuery } from '../transport/use-contract';
import { paperTheme } from './paper-theme';
import { problemFormCss } from './problem-form-css';

export function ConsultationPrintPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('problems');
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const consultation = useContractQuery('consultations.get', { id });
  const systems = useSystems();
  const ready = consultation.data !== undefined && systems.loaded;
  let body;
  if (consultation.isError) body = <Result status="error" title={errorMessage(consultation.error)} />;
  else if (!ready) body = <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  else body = <ConsultationSheet c={consultation.data} systemName={systems.systemName(consultation.data.systemId)} />;
  return (
    <ConfigProvider theme={paperTheme}>
      <style>{faultReportCss + problemFormCss}</style>
      <div className="fault-report-page" data-ready={ready ? 'true' : 'false'}>
        <div className="paper-toolbar">
          <Button size="large" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/problems')}>{t('print.back')}</Button>
          <Button size="large" type="primary" icon={<PrinterOutlined />} disabled={!ready} onClick={() => window.print()}>{t('print.print')}</Button>
        </div>
        {body}
      </div>
    </ConfigProvider>
  );
}

function ConsultationSheet({ c, systemName }: { c: Consultation; systemName: string }) {
  const { t } = useTranslation('problems');
  const time = (at: number) => dayjs(at).format('YYYY-MM-DD HH:mm');
  return (
    <div className="paper-sheet fault-report-sheet" data-testid="consultation-sheet">
      <h1>{t('consultation.title')}</h1>
      <div className="fr-number">{t('print.number')}:{c.number}</div>
      <table>
        <tbody>
          <tr><th>{t('consultation.askedBy')}</th><td>{c.askedBy}</td><th>{t('consultation.channel')}</th><td>{t(`channel.${c.channel}`)}</td></tr>
          <tr><th>{t('consultation.system')}</th><td colSpan={3}>{systemName}</td></tr>
          <tr><th>{t('consultation.question')}</th><td className="fr-text" colSpan={3}>{c.question}</td></tr>
          <tr><th>{t('consultation.answer')}</th><td className="fr-text" colSpan={3}>{c.answer}</td></tr>
          <tr><th>{t('consultation.answeredBy')}</th><td>{c.answeredBy}</td><th>{t('consultation.answeredAt')}</th><td>{time(c.answeredAt)}</td></tr>
          <tr><th>{t('consultation.recordedBy')}</th><td colSpan={3}>{c.recordedBy} · {time(c.recordedAt)}</td></tr>
        </tbody>
      </table>
      <div className="fr-signatures">
        <div className="fr-sign">{t('print.answererSign')}:</div>
        <div className="fr-sign">{t('print.date')}:</div>
        <div className="fr-sign">{t('print.askerSign')}:</div>
        <div className="fr-sign">{t('print.date')}:</div>
      </div>
      <div className="fr-printed">{t('print.printedAt', { time: dayjs().format('YYYY-MM-DD HH:mm') })}</div>
    </div>
  );
}
