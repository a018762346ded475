// Under the header, for everyone on duty: a verified update is ready, and what it waits for (level-I incidents to be
// dealt with, alarms to be acknowledged). Nothing is installed while it waits.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useContractQuery } from '../transport/use-contract';

export function UpdateWaitingBanner() {
  const { t } = useTranslation('updates');
  const status = useContractQuery('updates.status', {}, { refetchInterval: 30_000 });
  const s = status.data;
  if (!s || s.state !== 'ready' || !s.available) return null;
  const reasons = [
    s.blockers.levelOneIncidents > 0 ? t('waitingIncidents', { count: s.blockers.levelOneIncidents }) : null,
    s.blockers.unacknowledgedAlarms > 0 ? t('waitingAlarms', { count: s.blockers.unacknowledgedAlarms }) : null,
  ].filter((r): r is string => r !== null);
  return (
    <Alert
      type="info"
      showIcon
      banner
      data-testid="update-waiting"
      title={reasons.length > 0 ? t('waiting', { version: s.available.version, reasons: reasons.join('、') }) : t('readyNote', { version: s.available.version })}
    />
  );
}
