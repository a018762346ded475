// The dashboard's "today's duty log": the latest entries of the local day, newest first, and the way to the full log.
import { FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dutyKindColours } from '../duty/DutyLogPage';
import { dayBounds, today } from '../duty/duty-day';
import { useContractQuery } from '../transport/use-contract';

const shown = 8;

export function DutyLogPanel() {
  const { t } = useTranslation(['incidents', 'duty']);
  const entries = useContractQuery('duty.list', dayBounds(today()), { refetchInterval: 60_000 });
  const latest = [...(entries.data ?? [])].reverse().slice(0, shown);
  return (
    <Card
      title={<><FileTextOutlined /> {t('dashboard.dutyLog')}</>}
      extra={<Link to="/duty/log"><Button type="link">{t('dashboard.openDutyLog')}</Button></Link>}
      data-testid="duty-log-panel"
      loading={entries.isPending}
    >
      {entries.data && entries.data.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty:log.empty')} />}
      {latest.length > 0 && (
        <List
          size="small"
          dataSource={latest}
          renderItem={(entry) => (
            <List.Item>
              <Typography.Text style={{ fontVariantNumeric: 'tabular-nums', marginRight: 8 }}>{dayjs(entry.at).format('HH:mm')}</Typography.Text>
              <Tag color={dutyKindColours[entry.kind]} style={{ marginInlineEnd: 8 }}>{t(`duty:kind.${entry.kind}`)}</Tag>
              <Typography.Text ellipsis style={{ flex: 1 }} title={entry.text}>
                {entry.text}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{entry.operator}</Typography.Text>
            </List.Item>
          )}
        />
      )}
      {entries.data && entries.data.length > shown && (
        <Typography.Text type="secondary">{t('dashboard.moreEntries', { count: entries.data.length - shown })}</Typography.Text>
      )}
    </Card>
  );
}
