// Turns a core error into the sentence the user reads, in the current language.
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../shared/contract';

export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation('errors');
  return (error) => {
    if (error instanceof AppError) return t(error.code, { ...error.params, defaultValue: `${error.code}` });
    return error instanceof Error ? error.message : String(error);
  };
}
