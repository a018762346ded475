// One replacement quote: its options (same model / same function, price, supplier, validity), and the customer's
// choice once recorded, or the button to record it.
import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReplacementQuote } from '../../../shared/contract';
import { alarmColours } from '../app/theme';
import { formatTime, useEnglish } from '../incidents/incident-format';
import { useMayCall } from '../operators/use-may-call';
import { ChooseQuoteModal } from './ChooseQuoteModal';
import { formatYuan } from './money';

export function QuoteView({ quote, showIncident = false }: { quote: ReplacementQuote; showIncident?: boolean }) {
  const { t } = useTranslation('repairs');
  const english = useEnglish();
  const mayChoose = useMayCall('repairs.chooseQuote');
  const [choosing, setChoosing] = useState(false);
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <div data-testid="replacement-quote" data-chosen={quote.chosenOptionId ? 'true' : 'false'} style={{ padding: '8px 0' }}>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'baseline' }}>
        <Typography.Text strong>
          <Link to={`/assets/${quote.deviceId}`}>{`${quote.deviceAssetTag} ${quote.deviceName}`}</Link>
        </Typography.Text>
        {showIncident && <Link to={`/incidents/${quote.incidentId}`}>{t('loans.incident', { number: quote.incidentNumber })}</Link>}
        <Typography.Text type="secondary">{t('quotes.recordedLine', { operator: quote.recordedBy, time: formatTime(quote.recordedAt, english, false) })}</Typography.Text>
      </div>
      {quote.note && <div style={{ whiteSpace: 'pre-wrap' }}>{quote.note}</div>}
      <ol style={{ margin: '4px 0', paddingInlineStart: 22 }}>
        {quote.options.map((o) => {
          const chosen = quote.chosenOptionId === o.id;
          return (
            <li key={o.id} data-testid="quote-option" data-chosen={chosen ? 'true' : undefined} style={{ fontWeight: chosen ? 600 : undefined }}>
              <Tag>{t(`quotes.kind.${o.kind}`)}</Tag>
              {[o.brand, o.model].filter(Boolean).join(' ')} · <strong>¥{formatYuan(o.priceFen)}</strong> · {o.supplier} ·{' '}
              <Typography.Text type={o.validUntil < today ? 'danger' : 'secondary'}>
                {o.validUntil < today ? t('quotes.expired') : t('quotes.validLine', { date: o.validUntil })}
              </Typography.Text>
              {o.note && <Typography.Text type="secondary"> · {o.note}</Typography.Text>}
              {chosen && (
                <Tag color={alarmColours.normal} icon={<CheckCircleFilled />} style={{ marginInlineStart: 8 }}>
                  {t('quotes.chosen')}
                </Tag>
              )}
            </li>
          );
        })}
      </ol>
      {quote.chosenOptionId ? (
        <Typography.Text data-testid="quote-choice">
          {t('quotes.chosenLine', { by: quote.chosenBy ?? '', time: formatTime(quote.chosenAt ?? 0, english, false), operator: quote.choiceRecordedBy ?? '' })}
          {quote.choiceNote && ` · ${quote.choiceNote}`}
        </Typography.Text>
      ) : (
        <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <Tag color="gold">{t('quotes.awaiting')}</Tag>
          {mayChoose && (
            <Button size="large" onClick={() => setChoosing(true)}>
              {t('quotes.choose')}
            </Button>
          )}
        </div>
      )}
      {choosing && <ChooseQuoteModal quote={quote} onClose={() => setChoosing(false)} />}
    </div>
  );
}
