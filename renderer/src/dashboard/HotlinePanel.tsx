// The dashboard's "hotline on duty now": the one number to call at this moment, big enough to read across the room.
import { PhoneOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useContractQuery } from '../transport/use-contract';

export function HotlinePanel() {
  const { t } = useTranslation(['incidents', 'operators']);
  // Working hours end while the dashboard stays open: ask again every minute.
  const hotline = useContractQuery('settings.hotlineNow', {}, { refetchInterval: 60_000 });
  const now = hotline.data;
  return (
    <Card title={<><PhoneOutlined /> {t('dashboard.hotline')}</>} data-testid="hotline-panel" loading={hotline.isPending}>
      {now && now.number !== '' && (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 16 }}>
            {t(`operators:hotlineKind.${now.kind}`)} · {t(`operators:reasons.${now.reason}`)}
          </Typography.Text>
          <Typography.Title level={2} copyable style={{ margin: '8px 0 0', fontVariantNumeric: 'tabular-nums' }} data-testid="hotline-number">
            <a href={`tel:${now.number}`}>{now.number}</a>
          </Typography.Title>
        </>
      )}
      {now && now.number === '' && <Typography.Text type="warning">{t('operators:login.hotlineUnset')}</Typography.Text>}
    </Card>
  );
}
