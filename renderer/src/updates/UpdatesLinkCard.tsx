// On the settings page: the way to the updates page.
import { CloudSyncOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export function UpdatesLinkCard() {
  const { t } = useTranslation('updates');
  const navigate = useNavigate();
  return (
    <Card>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <div>
          <Typography.Title level={5} style={{ margin: 0 }}>
            <CloudSyncOutlined /> {t('settingsLink')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('settingsLinkHint')}</Typography.Text>
        </div>
        <Button size="large" onClick={() => void navigate('/settings/updates')}>
          {t('open')}
        </Button>
      </Flex>
    </Card>
  );
}
