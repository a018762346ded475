// The journal alarm under the header: start-up found the journal cut or rewritten; shown on every page until restart.
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useContractQuery } from '../transport/use-contract';
import { chainBreakText } from './chain-break-text';

export function JournalAlarmBanner() {
  const { t } = useTranslation('audit');
  const navigate = useNavigate();
  const info = useContractQuery('system.info', {}, { staleTime: Number.POSITIVE_INFINITY });
  const alarm = info.data?.journalAlarm;
  if (!alarm) return null;
  return (
    <Alert
      type="error"
      showIcon
      banner
      data-testid="journal-alarm"
      title={t('alarmTitle')}
      description={`${chainBreakText(t, alarm)} ${t('alarmAdvice')}`}
      action={
        <Button danger onClick={() => navigate('/audit')}>
          {t('alarmOpen')}
        </Button>
      }
    />
  );
}
