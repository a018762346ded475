// On the settings page: the way to the UPS shutdown page.
import { ThunderboltOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export function PowerLinkCard() {
  const { t } = useTranslation('power');
  const navigate = useNavigate();
  return (
    <Card>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <div>
          <Typography.Title level={5} style={{ margin: 0 }}>
            <ThunderboltOutlined /> {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('linkHint')}</Typography.Text>
        </div>
        <Button size="large" onClick={() => void navigate('/settings/power')}>
          {t('open')}
        </Button>
      </Flex>
    </Card>
  );
}
