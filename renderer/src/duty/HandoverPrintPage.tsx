// The printable handover sheet: summary, open incidents, the shift's log and signature lines; outside the shell, on white paper.
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Result, Spin, theme } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ShiftHandover } from '../../../shared/contract';
import { consoleTheme } from '../app/theme';
import { useErrorMessage } from '../app/use-error-message';
import { shortHash } from '../audit/chain-break-text';
import { useContractQuery } from '../transport/use-contract';
import { handoverSheetCss } from './handover-sheet-css';

const paperTheme = { inherit: false, algorithm: theme.defaultAlgorithm, token: { fontFamily: consoleTheme.token?.fontFamily, fontSize: 15, controlHeight: 38 } };
const timeFormat = 'YYYY-MM-DD HH:mm';

export function HandoverPrintPage() {
  const { t } = useTranslation('duty');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const handover = useContractQuery('duty.handover', { id });
  const goBack = () => (window.history.length > 1 ? navigate(-1) : navigate('/duty/handover'));

  let body;
  if (handover.isError) body = <Result status="error" title={t('print.loadFailed')} subTitle={errorMessage(handover.error)} />;
  else if (!handover.data) body = <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  else body = <HandoverSheet handover={handover.data} />;

  return (
    <ConfigProvider theme={paperTheme}>
      <style>{handoverSheetCss}</style>
      <div data-ready={handover.data ? 'true' : 'false'} className="handover-print-page">
        <div className="handover-toolbar paper-toolbar">
          <Button size="large" icon={<ArrowLeftOutlined />} onClick={goBack}>
            {t('common:actions.back')}
          </Button>
          <Button size="large" type="primary" icon={<PrinterOutlined />} disabled={!handover.data} onClick={() => window.print()}>
            {t('common:actions.print')}
          </Button>
        </div>
        {body}
      </div>
    </ConfigProvider>
  );
}

function HandoverSheet({ handover: h }: { handover: ShiftHandover }) {
  const { t } = useTranslation('duty');
  return (
    <article className="handover-sheet paper-sheet">
      <h1>{t('print.title')}</h1>
      <table className="meta">
        <tbody>
          <tr>
            <td>
              {t('print.outgoing')}{t('print.colon')}{h.outgoingOperator}
            </td>
            <td>
              {t('print.createdAt')}{t('print.colon')}{dayjs(h.createdAt).format(timeFormat)}
            </td>
          </tr>
          <tr>
            <td>
              {t('print.incoming')}{t('print.colon')}{h.incomingOperator ?? ''}
            </td>
            <td>
              {t('print.confirmedAt')}{t('print.colon')}{h.confirmedAt ? dayjs(h.confirmedAt).format(timeFormat) : ''}
            </td>
          </tr>
          <tr>
            <td colSpan={2}>
              {t('print.number')}{t('print.colon')}{h.id}
            </td>
          </tr>
          {h.journalHead && (
            // On paper, outside the database: a journal later cut or rewritten behind this point no longer matches it.
            <tr data-testid="handover-journal-head">
              <td colSpan={2}>
                {t('print.journalHead')}{t('print.colon')}
                {t('print.journalHeadValue', { seq: h.journalHead.seq, hash: shortHash(h.journalHead.hash) })}
              </td>
            </tr>
          )}
        </tbody>
      </table>

      <h2>{t('print.summary')}</h2>
      <p className="text">{h.summary}</p>
      <h2>{t('print.notes')}</h2>
      <p className="text">{h.notes || t('print.none')}</p>

      <h2>{t('print.openIncidents')}</h2>
      {h.openIncidents.length === 0 ? (
        <p className="text">{t('print.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('print.col.number')}</th>
              <th>{t('print.col.level')}</th>
              <th>{t('print.col.state')}</th>
              <th>{t('print.col.title')}</th>
              <th>{t('print.col.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {h.openIncidents.map((i) => (
              <tr key={i.id}>
                <td>{i.number}</td>
                <td>{i.level}</td>
                <td>{t(`handover.state.${i.state}`)}</td>
                <td>{i.title}</td>
                <td>{i.overdue.map((m) => t(`handover.milestone.${m}`)).join('、')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('print.entries')}</h2>
      {h.entries.length === 0 ? (
        <p className="text">{t('print.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th style={{ width: '24mm' }}>{t('log.col.at')}</th>
              <th style={{ width: '16mm' }}>{t('log.col.kind')}</th>
              <th>{t('log.col.text')}</th>
              <th style={{ width: '26mm' }}>{t('log.col.operator')}</th>
            </tr>
          </thead>
          <tbody>
            {h.entries.map((e) => (
              <tr key={e.id}>
                <td>{dayjs(e.at).format('MM-DD HH:mm')}</td>
                <td>{t(`kind.${e.kind}`)}</td>
                <td className="text">{e.text}</td>
                <td>{e.operator}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <div className="signatures" aria-label={t('print.signatures')}>
        <div className="signature">
          <span>{t('print.outgoing')}{t('print.colon')}</span>
          <span />
        </div>
        <div className="signature">
          <span>{t('print.time')}{t('print.colon')}</span>
          <span />
        </div>
        <div className="signature">
          <span>{t('print.incoming')}{t('print.colon')}</span>
          <span />
        </div>
        <div className="signature">
          <span>{t('print.time')}{t('print.colon')}</span>
          <span />
        </div>
      </div>
    </article>
  );
}
