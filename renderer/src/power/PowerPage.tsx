// The administrator's UPS shutdown page (from Settings).
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { UpsShutdownCard } from './UpsShutdownCard';

export function PowerPage() {
  const { t } = useTranslation('power');
  return (
    <Flex vertical gap={16} style={{ maxWidth: 880 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <UpsShutdownCard />
    </Flex>
  );
}
