// The repair on the printed fault report: parts used (free or charged, with the total), spare units lent, and the
// replacement the customer chose. Nothing is printed for an incident without any of them.
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { chargedCostFen } from '../../../shared/domain/repairs/repair-kinds';
import { useContractQuery } from '../transport/use-contract';
import { formatYuan } from './money';

export function RepairsReportSection({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation('repairs');
  const repairs = useContractQuery('repairs.ofIncident', { incidentId });
  const data = repairs.data;
  if (!data) return null;
  // A part withdrawn as a mistake is not on the customer's report.
  const parts = data.parts.filter((p) => p.withdrawn === null);
  const time = (at: number | null) => (at === null ? '—' : dayjs(at).format('YYYY-MM-DD HH:mm'));
  const chosen = data.quotes.flatMap((q) => {
    const option = q.options.find((o) => o.id === q.chosenOptionId);
    return option ? [{ q, option }] : [];
  });
  return (
    <div data-testid="fault-report-repairs">
      {parts.length > 0 && (
        <>
          <h2>{t('print.parts')}</h2>
          <table>
            <thead>
              <tr><th>{t('parts.name')}</th><th>{t('parts.kindColumn')}</th><th>{t('parts.sourceColumn')}</th><th>{t('parts.quantity')}</th><th>{t('print.unitCost')}</th><th>{t('parts.cost')}</th></tr>
            </thead>
            <tbody>
              {parts.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{t(`parts.kind.${p.kind}`)}</td>
                  <td>{t(`parts.source.${p.source}`)}</td>
                  <td>{p.quantity}</td>
                  <td>{p.kind === 'main' ? `¥${formatYuan(p.unitCostFen)}` : '—'}</td>
                  <td>{p.kind === 'main' ? `¥${formatYuan(chargedCostFen(p))}` : t('parts.free')}</td>
                </tr>
              ))}
              <tr>
                <th colSpan={5}>{t('parts.total')}</th>
                <td><strong>¥{formatYuan(data.chargedTotalFen)}</strong></td>
              </tr>
            </tbody>
          </table>
        </>
      )}
      {data.loans.length > 0 && (
        <>
          <h2>{t('print.loans')}</h2>
          <table>
            <tbody>
              {data.loans.map((l) => (
                <tr key={l.id}>
                  <td>{t('loans.lentLine', { spare: `${l.spareAssetTag} ${l.spareName}`, faulty: `${l.faultyAssetTag} ${l.faultyName}` })}</td>
                  <td>{t('loans.since', { borrower: l.borrower, time: time(l.lentAt) })}</td>
                  <td>{l.returnedAt === null ? t('loans.stillLent') : t('loans.returnedLine', { time: time(l.returnedAt), operator: l.returnedBy ?? '' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {chosen.length > 0 && (
        <>
          <h2>{t('print.chosen')}</h2>
          <table>
            <tbody>
              {chosen.map(({ q, option }) => (
                <tr key={q.id}>
                  <td>{`${q.deviceAssetTag} ${q.deviceName}`}</td>
                  <td>{t(`quotes.kind.${option.kind}`)} · {[option.brand, option.model].filter(Boolean).join(' ')} · ¥{formatYuan(option.priceFen)} · {option.supplier}</td>
                  <td>{t('quotes.chosenLine', { by: q.chosenBy ?? '', time: time(q.chosenAt), operator: q.choiceRecordedBy ?? '' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
