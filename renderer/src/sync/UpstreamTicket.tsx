// A record's ticket in the service center's system, on its page (incident, defect, maintenance record): its number (a
// link when the ticket system's URL is known), or that it waits or was refused. Nothing when it was never queued.
import { CloudUploadOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncRecordKind, SyncRecordTicket } from '../../../shared/contract';
import { useContractQuery } from '../transport/use-contract';

export function UpstreamTicket({ incidentId }: { incidentId: string }) {
  const ticket = useContractQuery('sync.ticketOf', { incidentId });
  return <TicketView data={ticket.data} />;
}

export function RecordUpstreamTicket({ recordKind, recordId }: { recordKind: SyncRecordKind; recordId: string }) {
  const ticket = useContractQuery('sync.recordTicket', { recordKind, recordId });
  return <TicketView data={ticket.data} />;
}

function TicketView({ data }: { data: Pick<SyncRecordTicket, 'state' | 'ticketId' | 'url'> | undefined }) {
  const { t } = useTranslation('sync');
  if (!data || data.state === 'none') return null;
  const label = (
    <Typography.Text type="secondary">
      <CloudUploadOutlined /> {t('ticket.label')}:
    </Typography.Text>
  );
  if (data.state === 'created' && data.ticketId !== null) {
    const number = t('ticket.number', { id: data.ticketId });
    return (
      <span data-testid="upstream-ticket" data-state="created" style={{ fontSize: 16 }}>
        {label}{' '}
        {data.url ? (
          // The desktop app opens no second window (security-guards.ts): the link's address can be copied instead.
          <Typography.Link href={data.url} target="_blank" rel="noreferrer" strong copyable={{ text: data.url, tooltips: [t('ticket.copy')] }}>
            {number}
          </Typography.Link>
        ) : (
          <Typography.Text strong>{number}</Typography.Text>
        )}
      </span>
    );
  }
  return (
    <span data-testid="upstream-ticket" data-state={data.state}>
      {label} <Tag color={data.state === 'parked' ? 'error' : 'processing'}>{t(`ticket.${data.state === 'parked' ? 'parked' : 'waiting'}`)}</Tag>
    </span>
  );
}
