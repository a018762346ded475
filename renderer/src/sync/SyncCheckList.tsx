// "Test connection"'s answer: each check on its own line, ok or what is missing, in plain words.
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncCheck } from '../../../shared/contract';
import { alarmColours } from '../app/theme';

/** The check's sentence; `settings_incomplete` names the missing settings (sent as "url,apiKey,project") in words. */
function useCheckSentence(): (check: SyncCheck) => string {
  const { t } = useTranslation('sync');
  return (check) => {
    const missing = typeof check.params.missing === 'string' ? check.params.missing.split(',').filter(Boolean) : [];
    const missingWords = missing.map((m) => t(`missing.${m}`, { defaultValue: m })).join(t('listSeparator'));
    return t(`checks.${check.code}`, { ...check.params, missingWords, defaultValue: check.code });
  };
}

export function SyncCheckList({ checks }: { checks: SyncCheck[] }) {
  const { t } = useTranslation('sync');
  const sentence = useCheckSentence();
  const failed = checks.filter((c) => !c.ok).length;
  return (
    <div data-testid="sync-checks">
      <Alert
        type={failed ? 'error' : 'success'}
        showIcon
        title={failed ? t('settings.someFailed', { count: failed }) : t('settings.allOk')}
        style={{ marginBottom: 8, fontSize: 16 }}
      />
      <List
        size="small"
        dataSource={checks}
        renderItem={(check, i) => (
          <List.Item key={i} data-testid="sync-check" data-ok={check.ok}>
            <span style={{ fontSize: 16 }}>
              {check.ok ? <CheckCircleFilled style={{ color: alarmColours.normal }} /> : <CloseCircleFilled style={{ color: alarmColours.critical }} />}{' '}
              <Typography.Text strong>{t(`checkKey.${check.key}`)}</Typography.Text>: <Typography.Text type={check.ok ? undefined : 'danger'}>{sentence(check)}</Typography.Text>
            </span>
          </List.Item>
        )}
      />
    </div>
  );
}
