// The items not yet upstream, by record (incident, defect, maintenance record), each record's items in the order they
// go up, with the record's ticket number once it exists; pages on as asked.
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppError, SyncItem, SyncQueuePage } from '../../../shared/contract';
import { formatTime, useEnglish } from '../incidents/incident-format';
import { consoleClient } from '../transport';
import { queueByRecord, recordPath } from './sync-format';
import { useSyncItemTitle, useSyncReason } from './sync-item-labels';

const pageSize = 200;
const stateColours: Record<SyncItem['state'], string> = { waiting: 'processing', checking: 'gold', parked: 'error', done: 'success', skipped: 'default' };

export function SyncQueueList() {
  const { t } = useTranslation('sync');
  const english = useEnglish();
  const itemTitle = useSyncItemTitle();
  const reason = useSyncReason();
  // Keyed under the method's name, so the sync's live refresh (use-sync-live.ts) reaches it.
  const queue = useInfiniteQuery<SyncQueuePage, AppError, { pages: SyncQueuePage[] }, [string, string], number | undefined>({
    queryKey: ['sync.queue', 'pages'],
    queryFn: ({ pageParam }) => consoleClient().invoke('sync.queue', { afterSeq: pageParam, limit: pageSize }),
    initialPageParam: undefined,
    getNextPageParam: (last) => (last.items.length === pageSize ? last.items.at(-1)?.seq : undefined),
  });
  const pages = queue.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  const total = pages.at(-1)?.total ?? 0;
  const groups = queueByRecord(items);

  return (
    <Card title={t('page.queue')} loading={queue.isPending} data-testid="sync-queue">
      {groups.length === 0 && <Empty description={t('page.queueEmpty')} />}
      <Flex vertical gap={12}>
        {groups.map((group) => (
          <div key={`${group.recordKind}:${group.recordId}`} data-testid="sync-queue-incident" data-record-kind={group.recordKind}>
            <Typography.Title level={5} style={{ margin: '0 0 6px' }}>
              <Typography.Text type="secondary">{t(`record.${group.recordKind}`)}</Typography.Text>{' '}
              <Link to={recordPath(group.recordKind, group.recordId)}>{group.recordNumber}</Link>{' '}
              <Typography.Text type="secondary">
                · {group.ticketId === null ? t('page.noTicketYet') : t('page.ticketNumber', { id: group.ticketId })} · {t('page.items', { count: group.items.length })}
              </Typography.Text>
            </Typography.Title>
            <Table<SyncItem>
              size="small"
              rowKey="entryId"
              pagination={false}
              tableLayout="fixed"
              dataSource={group.items}
              columns={[
                { key: 'n', title: '#', width: 48, render: (_v, _item, i) => i + 1 },
                { key: 'item', title: t('page.item'), width: '30%', render: (_v, item) => itemTitle(item) },
                { key: 'at', title: t('page.at'), width: 190, render: (_v, item) => formatTime(item.at, english, false) },
                { key: 'operator', title: t('page.operator'), width: 140, dataIndex: 'operator' },
                {
                  key: 'state',
                  title: t('page.state'),
                  render: (_v, item) => (
                    <Flex vertical gap={2}>
                      <span>
                        <Tag color={stateColours[item.state]}>{t(`itemState.${item.state}`)}</Tag>
                        {item.attempts > 0 && <Typography.Text type="secondary">{t('page.attempts', { count: item.attempts })}</Typography.Text>}
                      </span>
                      {(item.parkedReason ?? item.lastError) && <Typography.Text type="secondary">{reason(item.parkedReason ?? item.lastError)}</Typography.Text>}
                    </Flex>
                  ),
                },
              ]}
            />
          </div>
        ))}
      </Flex>
      {total > items.length && (
        <Flex gap={12} align="center" style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('page.queueMore', { count: total - items.length })}</Typography.Text>
          {queue.hasNextPage && (
            <Button size="large" loading={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()}>
              {t('page.loadMore')}
            </Button>
          )}
        </Flex>
      )}
    </Card>
  );
}
