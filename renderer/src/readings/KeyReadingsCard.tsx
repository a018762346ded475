// The dashboard's machine room: temperature, humidity, UPS load and battery, each its value now and its last day.
import { Card, Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KeyReading } from '../../../shared/contract/readings';
import { useContractQuery } from '../transport/use-contract';
import { formatValue } from './reading-format';
import { Sparkline } from './Sparkline';

export function KeyReadingsCard() {
  const { t } = useTranslation('readings');
  // Read afresh whenever the dashboard opens (a cached "no readings yet" from before the links reported would stand
  // for up to a refresh), then every 10 s: the machine room's figures are what a guard glances at.
  const readings = useContractQuery('readings.keyReadings', { hours: 24 }, { refetchInterval: 10_000, refetchOnMount: 'always' });
  const items = readings.data ?? [];
  return (
    <Card title={t('keyReadings')} extra={<Typography.Text type="secondary">{t('lastDay')}</Typography.Text>} data-testid="key-readings">
      {readings.data && items.length === 0 && <Typography.Text type="secondary">{t('keyReadingsNone')}</Typography.Text>}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: 12 }}>
        {items.map((item) => (
          <KeyReadingTile key={`${item.series.linkId}|${item.series.key}`} item={item} />
        ))}
      </div>
    </Card>
  );
}

function KeyReadingTile({ item }: { item: KeyReading }) {
  const { i18n } = useTranslation('readings');
  const { token } = theme.useToken();
  const english = i18n.language === 'en';
  const label = english ? item.series.label.en : item.series.label.zh;
  const body = (
    <Flex vertical gap={2} style={{ padding: '8px 12px', border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadius }} data-testid="key-reading">
      <Typography.Text strong>{label}</Typography.Text>
      <Typography.Text type="secondary" ellipsis style={{ fontSize: 13 }}>
        {item.series.linkName}
      </Typography.Text>
      <Typography.Text strong style={{ fontSize: 22 }}>
        {item.latest ? formatValue(item.latest.value, item.series.unit) : '—'}
      </Typography.Text>
      <Sparkline points={item.points} colour={token.colorPrimary} height={32} />
    </Flex>
  );
  return item.series.assetId ? <Link to={`/assets/${item.series.assetId}`}>{body}</Link> : body;
}
