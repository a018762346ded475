// A red note on every screen for the administrator while a service hotline number is missing: guards would have none to call.
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useContractQuery } from '../transport/use-contract';
import { useMayCall } from './use-may-call';

export function HotlineMissingNote() {
  // Told to whoever can set the numbers.
  return useMayCall('settings.set') ? <MissingNumbers /> : null;
}

function MissingNumbers() {
  const { t } = useTranslation(['hotline', 'operators']);
  const navigate = useNavigate();
  const settings = useContractQuery('settings.get', {});
  const hotline = settings.data?.hotline;
  if (!hotline) return null;
  const missing = [
    hotline.staffedNumber === '' ? t('operators:settings.staffedNumber') : null,
    hotline.mobileNumber === '' ? t('operators:settings.mobileNumber') : null,
  ].filter((m): m is string => m !== null);
  if (missing.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      banner
      role="alert"
      data-testid="hotline-missing"
      title={t('missingNote', { which: missing.join('、') })}
      action={
        <Button danger size="small" onClick={() => void navigate('/settings')}>
          {t('missingAction')}
        </Button>
      }
    />
  );
}
