// An outbox item's words, shared by the queue and the parked list: the step (as the timeline names it) and its reason.
import { useTranslation } from 'react-i18next';
import { AppError, type AppErrorData, type SyncItem } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';

/** "报告故障 · 工单": the journal entry's step (an incident's as its timeline names it), and what it becomes upstream. */
export function useSyncItemTitle(): (item: SyncItem) => string {
  const { t } = useTranslation(['incidents', 'sync']);
  return (item) => {
    const step = item.type.startsWith('incident.') ? t(`incidents:timeline.${item.type}`, { milestone: '', defaultValue: item.type }) : t(`sync:step.${item.type}`, { defaultValue: item.type });
    return `${step} · ${t(`sync:kind.${item.kind}`)}`;
  };
}

/** A reason the core gave (a parked item's, the link's last error), in the screen's language. */
export function useSyncReason(): (reason: AppErrorData | null) => string {
  const errorMessage = useErrorMessage();
  return (reason) => (reason ? errorMessage(AppError.fromData(reason)) : '');
}
