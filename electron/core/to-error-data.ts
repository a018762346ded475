// Turns anything thrown inside the core into the error value the UI can show.
import { AppError, type AppErrorData } from '../../shared/contract/app-error';

export function toErrorData(err: unknown): AppErrorData {
  if (err instanceof AppError) return err.toData();
  const detail = err instanceof Error ? err.message : String(err);
  // Constraint failures reach here only if a service forgot a check; keep the code stable anyway.
  if (/SQLITE_CONSTRAINT/.test(detail)) return new AppError('constraint_failed', 'constraint_failed', { detail }).toData();
  console.error('[core] unexpected error:', err);
  return new AppError('internal', 'internal', { detail }).toData();
}
