// SLOT for the duty-log and hotline engineers: the dashboard's "today's duty log" and "hotline on duty now" panels.
// Neither `duty.*` nor `settings.hotlineNow` exists in shared/contract yet; replace each placeholder body with the
// real panel (keep the component names and test ids) once those methods land.
import { FileTextOutlined, PhoneOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function DutyLogSlot() {
  const { t } = useTranslation('incidents');
  return (
    <Card title={<><FileTextOutlined /> {t('dashboard.dutyLog')}</>} data-testid="duty-log-slot">
      <Typography.Text type="secondary">{t('dashboard.slotPending')}</Typography.Text>
    </Card>
  );
}

export function HotlineSlot() {
  const { t } = useTranslation('incidents');
  return (
    <Card title={<><PhoneOutlined /> {t('dashboard.hotline')}</>} data-testid="hotline-slot">
      <Typography.Text type="secondary">{t('dashboard.slotPending')}</Typography.Text>
    </Card>
  );
}
