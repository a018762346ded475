// What a failed push means, sorted by the error's code: the link is down, the key is refused, the item is refused
// (park it), or the item's outcome is unknown (look it up before sending again).
import { AppError, type AppErrorData } from '../../../shared/contract/app-error';
import { toErrorData } from '../to-error-data';
import { isNotSent } from './upstream-http';

export type PushFailure =
  /** Nothing reached the upstream (refused connection, untrusted certificate…): the link is down. */
  | { kind: 'link_down'; sent: false; error: AppErrorData }
  /** The call went out and no answer came (timeout, reset): the link is down and the item's outcome unknown. */
  | { kind: 'link_down'; sent: true; error: AppErrorData }
  | { kind: 'key_refused'; error: AppErrorData }
  /** The upstream failed on it (5xx): back off this incident only; the outcome is unknown. */
  | { kind: 'item_error'; error: AppErrorData }
  | { kind: 'park'; error: AppErrorData };

const parkCodes = new Set(['sync_refused', 'sync_ticket_gone', 'sync_not_found', 'sync_project_missing', 'sync_mapping_missing', 'sync_no_ticket']);

export function classifyPushFailure(err: unknown): PushFailure {
  const error = toErrorData(err);
  if (isNotSent(err)) return { kind: 'link_down', sent: false, error };
  if (!(err instanceof AppError)) return { kind: 'park', error: { ...error, code: 'sync_item_unreadable', message: 'sync_item_unreadable' } };
  if (err.code === 'sync_timeout' || err.code === 'sync_connection_lost') return { kind: 'link_down', sent: true, error };
  if (err.code === 'sync_key_refused' || err.code === 'sync_forbidden') return { kind: 'key_refused', error };
  if (parkCodes.has(err.code)) return { kind: 'park', error };
  return { kind: 'item_error', error };
}
