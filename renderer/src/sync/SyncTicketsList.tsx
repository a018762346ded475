// The tickets made upstream, newest first: each record (incident, defect, maintenance record) with its ticket number.
import { Card, Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SyncTicketListItem } from '../../../shared/contract';
import { formatTime, useEnglish } from '../incidents/incident-format';
import { useContractQuery } from '../transport/use-contract';
import { recordPath } from './sync-format';

export function SyncTicketsList() {
  const { t } = useTranslation('sync');
  const english = useEnglish();
  const tickets = useContractQuery('sync.tickets', { limit: 20 });
  const rows = tickets.data ?? [];
  return (
    <Card title={t('page.tickets')} loading={tickets.isPending} data-testid="sync-tickets">
      {rows.length === 0 ? (
        <Empty description={t('page.ticketsEmpty')} />
      ) : (
        <Table<SyncTicketListItem>
          size="small"
          rowKey={(r) => `${r.recordKind}:${r.recordId}`}
          pagination={false}
          dataSource={rows}
          columns={[
            {
              key: 'record',
              title: t('page.record'),
              render: (_v, r) => (
                <span>
                  <Typography.Text type="secondary">{t(`record.${r.recordKind}`)}</Typography.Text> <Link to={recordPath(r.recordKind, r.recordId)}>{r.recordNumber || r.recordId}</Link>
                </span>
              ),
            },
            {
              key: 'ticket',
              title: t('page.ticket'),
              render: (_v, r) => {
                const number = t('ticket.number', { id: r.ticketId });
                return r.url ? <Typography.Link href={r.url} target="_blank" rel="noreferrer" strong>{number}</Typography.Link> : <Typography.Text strong>{number}</Typography.Text>;
              },
            },
            { key: 'created', title: t('page.created'), render: (_v, r) => formatTime(r.createdAt, english, false) },
          ]}
        />
      )}
    </Card>
  );
}
