// 月度服务报告: the month's A4 report for the customer, previewed on screen as printed; the supervisor's suggestions
// are written above the sheet and saved per month; printing goes to a printer or, in the print dialog, to a PDF.
import { ArrowLeftOutlined, PrinterOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, ConfigProvider, DatePicker, Input, Result, Spin, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { ReportSuggestions } from '../../../shared/contract';
import { consoleTheme } from '../app/theme';
import { useErrorMessage } from '../app/use-error-message';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { monthlyReportCss } from './monthly-report-css';
import { MonthlySheet } from './MonthlySheet';
import { useReportNames } from './use-report-names';

const paperTheme = { inherit: false, algorithm: theme.defaultAlgorithm, token: { fontFamily: consoleTheme.token?.fontFamily, fontSize: 15, controlHeight: 38 } };

export function MonthlyReportPage() {
  const { t } = useTranslation('reports');
  const { month = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const systemId = params.get('system') || null;
  const location = params.get('location') ?? '';
  const report = useContractQuery('reports.monthly', { month, systemId, location });
  const names = useReportNames();
  const ready = report.data !== undefined && names.loaded;
  const goBack = () => (window.history.length > 1 ? navigate(-1) : navigate('/reports'));
  const openMonth = (next: string) => void navigate(`/reports/monthly/${next}${params.size > 0 ? `?${params.toString()}` : ''}`, { replace: true });

  let body;
  if (report.isError) body = <Result status="error" title={t('loadFailed')} subTitle={errorMessage(report.error)} />;
  else if (!ready) body = <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  else body = <MonthlySheet report={report.data} names={names} />;

  return (
    <ConfigProvider theme={paperTheme}>
      <style>{monthlyReportCss}</style>
      <div className="monthly-print-page" data-ready={ready ? 'true' : 'false'}>
        <div className="paper-toolbar">
          <Button size="large" icon={<ArrowLeftOutlined />} onClick={() => void goBack()}>{t('common:actions.back')}</Button>
          <DatePicker
            picker="month"
            size="large"
            allowClear={false}
            aria-label={t('monthly.month')}
            value={/^\d{4}-\d{2}$/.test(month) ? dayjs(`${month}-01`) : undefined}
            onChange={(d) => d && openMonth(d.format('YYYY-MM'))}
          />
          <Button size="large" type="primary" icon={<PrinterOutlined />} disabled={!ready} onClick={() => window.print()}>{t('monthly.print')}</Button>
          <Typography.Text type="secondary">{t('monthly.printHint')}</Typography.Text>
        </div>
        {report.data && <SuggestionsEditor key={`${month}/${report.data.suggestions.savedAt ?? 0}`} saved={report.data.suggestions} />}
        {body}
      </div>
    </ConfigProvider>
  );
}

function SuggestionsEditor({ saved }: { saved: ReportSuggestions }) {
  const { t } = useTranslation('reports');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [text, setText] = useState(saved.text);
  const save = useContractCommand('reports.saveSuggestions', ['reports.']);
  useEffect(() => setText(saved.text), [saved.text]);
  const submit = () =>
    save.mutate(
      { month: saved.month, text },
      { onSuccess: () => void message.success(t('monthly.saved')), onError: (error) => void message.error(errorMessage(error)) },
    );
  return (
    <section className="monthly-editor" data-testid="suggestions-editor">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        <label htmlFor="monthly-suggestions">{t('monthly.suggestions')}</label>
      </Typography.Title>
      <Input.TextArea id="monthly-suggestions" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 3, maxRows: 10 }} maxLength={8000} placeholder={t('monthly.suggestionsPlaceholder')} />
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, marginTop: 8 }}>
        <Button size="large" icon={<SaveOutlined />} loading={save.isPending} disabled={text.trim() === saved.text} onClick={submit}>{t('monthly.save')}</Button>
        <Typography.Text type="secondary">
          {saved.savedAt !== null ? t('monthly.savedBy', { by: saved.savedBy, at: dayjs(saved.savedAt).format('YYYY-MM-DD HH:mm') }) : t('monthly.notSaved')}
        </Typography.Text>
      </div>
    </section>
  );
}
