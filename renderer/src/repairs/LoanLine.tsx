// One spare loan in a line: which spare stands in for which device, who has it since when, due, overdue or returned;
// the take-back button for whoever may take it back.
import { Button, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SpareLoan } from '../../../shared/contract';
import { alarmColours } from '../app/theme';
import { formatTime, useEnglish } from '../incidents/incident-format';
import { useMayCall } from '../operators/use-may-call';
import { ReturnSpareModal } from './ReturnSpareModal';

export function LoanLine({ loan, showIncident = false }: { loan: SpareLoan; showIncident?: boolean }) {
  const { t } = useTranslation('repairs');
  const english = useEnglish();
  const mayReturn = useMayCall('spares.return');
  const [returning, setReturning] = useState(false);
  const open = loan.returnedAt === null;
  return (
    <div data-testid="spare-loan" data-state={open ? (loan.overdue ? 'overdue' : 'lent') : 'returned'} style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', padding: '6px 0' }}>
      <Typography.Text strong>
        <Link to={`/assets/${loan.spareDeviceId}`}>{`${loan.spareAssetTag} ${loan.spareName}`}</Link>
        {' → '}
        <Link to={`/assets/${loan.faultyDeviceId}`}>{`${loan.faultyAssetTag} ${loan.faultyName}`}</Link>
      </Typography.Text>
      {showIncident && <Link to={`/incidents/${loan.incidentId}`}>{t('loans.incident', { number: loan.incidentNumber })}</Link>}
      <span>{t('loans.since', { borrower: loan.borrower, time: formatTime(loan.lentAt, english, false) })}</span>
      {open && loan.dueAt !== null && <Typography.Text type="secondary">{t('loans.dueLine', { time: formatTime(loan.dueAt, english, false) })}</Typography.Text>}
      {open ? (
        loan.overdue ? (
          <Tag color={alarmColours.critical} style={{ fontSize: 14 }}>{t('loans.overdue')}</Tag>
        ) : (
          <Tag color="gold" style={{ fontSize: 14 }}>{t('loans.stillLent')}</Tag>
        )
      ) : (
        <Tag color="green" style={{ fontSize: 14 }}>{t('loans.returnedLine', { time: formatTime(loan.returnedAt ?? 0, english, false), operator: loan.returnedBy ?? '' })}</Tag>
      )}
      {open && mayReturn && (
        <Button size="large" onClick={() => setReturning(true)}>
          {t('loans.return')}
        </Button>
      )}
      {returning && <ReturnSpareModal loan={loan} onClose={() => setReturning(false)} />}
    </div>
  );
}
