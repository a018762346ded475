// Shown instead of the console when the core could not open its data (for example a corrupt file), with the restore
// from a backup.
import { Descriptions, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../shared/contract';
import { AppError } from '../../../shared/contract';
import { RecoveryPanel } from '../backups/RecoveryPanel';
import { useErrorMessage } from './use-error-message';

export function StartupErrorScreen({ error, databasePath, startedAt }: { error: AppErrorData; databasePath: string; startedAt: number }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <Result
      status="error"
      title={<span data-testid="startup-error">{t('startup.title')}</span>}
      subTitle={t('startup.hint')}
      style={{ paddingTop: 96 }}
    >
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label={t('startup.path')}>{databasePath}</Descriptions.Item>
        <Descriptions.Item label={t('startup.code')}>{error.code}</Descriptions.Item>
        <Descriptions.Item label={t('startup.detail')}>{message(AppError.fromData(error))}</Descriptions.Item>
      </Descriptions>
      <RecoveryPanel startedAt={startedAt} />
    </Result>
  );
}
