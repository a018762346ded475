// On the settings page: the way to the backups page.
import { DatabaseOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export function BackupsLinkCard() {
  const { t } = useTranslation('backups');
  const navigate = useNavigate();
  return (
    <Card>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <div>
          <Typography.Title level={5} style={{ margin: 0 }}>
            <DatabaseOutlined /> {t('settingsLink')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('settingsLinkHint')}</Typography.Text>
        </div>
        <Button size="large" onClick={() => void navigate('/settings/backups')}>
          {t('open')}
        </Button>
      </Flex>
    </Card>
  );
}
