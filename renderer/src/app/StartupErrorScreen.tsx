// Shown instead of the console when the core could not open its data (for example a corrupt file).
import { Descriptions, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../shared/contract';
import { AppError } from '../../../shared/contract';
import { useErrorMessage } from './use-error-message';

export function StartupErrorScreen({ error, databasePath }: { error: AppErrorData; databasePath: string }) {
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
    </Result>
  );
}
