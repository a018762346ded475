// On a device's page: spare units lent for it or (a spare) lent out as a stand-in, and replacement quotes for it.
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useContractQuery } from '../transport/use-contract';
import { LoanLine } from './LoanLine';
import { QuoteView } from './QuoteView';

export function DeviceRepairsCard({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation('repairs');
  const repairs = useContractQuery('repairs.ofDevice', { deviceId });
  const data = repairs.data;
  if (data && data.loans.length === 0 && data.quotes.length === 0) return null;
  return (
    <Card title={t('device.title')} loading={repairs.isPending} data-testid="device-repairs">
      {data && data.loans.length > 0 && (
        <>
          <Typography.Text strong style={{ fontSize: 16 }}>{t('loans.title')}</Typography.Text>
          {data.loans.map((l) => <LoanLine key={l.id} loan={l} showIncident />)}
        </>
      )}
      {data && data.quotes.length > 0 && (
        <>
          <Typography.Text strong style={{ fontSize: 16, display: 'block', marginTop: data.loans.length > 0 ? 12 : 0 }}>{t('quotes.title')}</Typography.Text>
          {data.quotes.map((q) => <QuoteView key={q.id} quote={q} showIncident />)}
        </>
      )}
    </Card>
  );
}
