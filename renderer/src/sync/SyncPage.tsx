// The sync page (supervisors and up): the link and its last error, last success, the drain's progress, parked items
// with their reasons and actions, the queue by record, and the tickets made upstream with their numbers.
import { SettingOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Progress, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { mayOpen } from '../app/route-roles';
import { useErrorMessage } from '../app/use-error-message';
import { formatTime, useEnglish } from '../incidents/incident-format';
import { useSession } from '../operators/use-session';
import { useContractQuery } from '../transport/use-contract';
import { drainPercent } from './sync-format';
import { SyncParkedList } from './SyncParkedList';
import { SyncQueueList } from './SyncQueueList';
import { SyncTicketsList } from './SyncTicketsList';
import { syncToneColours, useSyncWords } from './SyncIndicator';
import { useSyncReason } from './sync-item-labels';

export function SyncPage() {
  const { t } = useTranslation('sync');
  const english = useEnglish();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const reason = useSyncReason();
  const { operator } = useSession();
  const status = useContractQuery('sync.status', {}, { refetchInterval: 60_000 });
  const words = useSyncWords();

  if (status.isError) return <Result status="error" title={errorMessage(status.error)} />;
  if (!status.data || !words) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  const s = status.data;

  return (
    <Flex vertical gap={16} data-testid="sync-page">
      <Flex align="center" gap={16}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('page.title')}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        {mayOpen(operator.role, '/sync/settings') && (
          <Button size="large" icon={<SettingOutlined />} onClick={() => void navigate('/sync/settings')}>
            {t('page.settings')}
          </Button>
        )}
      </Flex>
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="middle">
          <Descriptions.Item label={t('page.link')}>
            <Typography.Text strong style={{ color: syncToneColours[words.tone], fontSize: 18 }} data-testid="sync-page-link">
              {words.words}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('page.lastSuccess')}>{s.lastSuccessAt === null ? t('page.never') : formatTime(s.lastSuccessAt, english)}</Descriptions.Item>
          <Descriptions.Item label={t('page.waiting')}>{s.waiting}</Descriptions.Item>
          <Descriptions.Item label={t('page.parked')}>{s.parked}</Descriptions.Item>
          {s.lastError && (
            <Descriptions.Item label={t('page.lastError')} span={2}>
              <Typography.Text type="warning">{reason(s.lastError)}</Typography.Text>
            </Descriptions.Item>
          )}
          {s.nextAttemptAt !== null && <Descriptions.Item label={t('page.nextAttempt')}>{formatTime(s.nextAttemptAt, english)}</Descriptions.Item>}
        </Descriptions>
        {s.draining && (
          <div data-testid="sync-drain" style={{ marginTop: 12 }}>
            <Typography.Text>{t('page.draining', { done: s.draining.done, total: s.draining.total })}</Typography.Text>
            <Progress percent={drainPercent(s.draining)} status="active" size={['100%', 14]} />
          </div>
        )}
      </Card>
      <SyncParkedList />
      <SyncQueueList />
      <SyncTicketsList />
    </Flex>
  );
}
