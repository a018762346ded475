// The record's page as the console's own PDF renderer opens it (electron/core/maintenance/record-pdf.ts): nobody is
// signed in; the one-time print token in the address reads exactly that finished record, laid out as the A4 sheet
// the customer signs. No toolbar, no navigation. Says it is ready (data-ready) or what went wrong (data-record-pdf-error).
import { ConfigProvider } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../shared/contract';
import { catalogView } from '../assets/use-catalog';
import { useContractQuery } from '../transport/use-contract';
import { recordSheetCss } from './record-sheet-css';
import { paperTheme, RecordSheet } from './RecordPrintPage';

/** The PDF page's route: `#/record-pdf?token=…`, outside the sign-in like the wall screen. */
export const isRecordPdfPage = (): boolean => window.location.hash.startsWith('#/record-pdf?');

const tokenOf = (hash: string): string => new URLSearchParams(hash.slice(hash.indexOf('?') + 1)).get('token') ?? '';

export function RecordPdfPage() {
  const token = tokenOf(window.location.hash);
  const { i18n } = useTranslation();
  const record = useContractQuery('maintenance.printRecord', { token }, { retry: false, staleTime: Number.POSITIVE_INFINITY, refetchOnWindowFocus: false });
  const catalog = useMemo(() => catalogView(record.data?.systems, i18n.language === 'en'), [record.data, i18n.language]);
  const error = record.error ? (record.error instanceof AppError ? record.error.code : 'unknown') : null;
  return (
    <ConfigProvider theme={paperTheme}>
      <style>{recordSheetCss}</style>
      <div className="record-print-page" data-ready={record.data ? 'true' : 'false'} {...(error ? { 'data-record-pdf-error': error } : {})}>
        {record.data && <RecordSheet detail={record.data.detail} blank={false} catalog={catalog} />}
        {error && <p role="alert">{error}</p>}
      </div>
    </ConfigProvider>
  );
}
