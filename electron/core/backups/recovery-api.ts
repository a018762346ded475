// The damaged-database screen's two methods: answered only while the core could not open its data, when nobody
// can sign in. Whoever restores proves to be an administrator of the backup being restored (its operator table).
import { join } from 'node:path';
import { AppError } from '../../../shared/contract/app-error';
import type { RecoveryBackupList, RestoreStaged } from '../../../shared/contract/backups';
import { contract, type MethodArgs } from '../../../shared/contract';
import type { Result } from '../../../shared/contract/app-error';
import { readFile } from 'node:fs/promises';
import { journalKeyFileName } from '../journal/journal-key';
import { verifyPassword, decoyPasswordHash } from '../operators/password-hash';
import { toErrorData } from '../to-error-data';
import { readCopy } from './backup-copy';
import { listBackups } from './backup-folder';
import { backupDatabaseFile } from './backup-manifest';
import { backupFolderOf, checkRestoreChoice, stageCheckedRestore } from './restore-request';

export interface RecoveryDeps {
  dataDir: string;
  now(): number;
  /** Restarts the core on the data folder; null when this transport cannot (the restore then applies at the next start). */
  restart: (() => void) | null;
}

export async function recoveryBackups(deps: RecoveryDeps, args: MethodArgs<'recovery.backups'>): Promise<RecoveryBackupList> {
  const folder = args.folder ?? backupFolderOf(deps.dataDir, undefined);
  const key = await readFile(join(deps.dataDir, journalKeyFileName)).catch(() => null);
  try {
    return { folder, backups: await listBackups(folder, key), folderError: null };
  } catch (err) {
    return { folder, backups: [], folderError: toErrorData(err).code };
  }
}

export async function recoveryRestore(deps: RecoveryDeps, args: MethodArgs<'recovery.restore'>): Promise<RestoreStaged> {
  const checked = await checkRestoreChoice(deps.dataDir, args);
  const operator = await readCopy(join(checked.backupDir, backupDatabaseFile), (db) =>
    db.selectFrom('operator').select(['name', 'password_hash', 'role', 'disabled']).where('name', '=', args.login).executeTakeFirst(),
  );
  // The same answer, and about the same time, for an unknown login as for a wrong password.
  const good = await verifyPassword(args.password, operator?.password_hash ?? (await decoyPasswordHash()));
  if (!operator || !good || operator.role !== 'administrator' || operator.disabled) throw new AppError('recovery_login_failed', 'recovery_login_failed');
  stageCheckedRestore(deps.dataDir, checked, operator.name, deps.now());
  return scheduleRestart(deps.restart, checked.manifest.name);
}

/** After the answer is on its way: the page hears that the console restarts before it goes. */
export function scheduleRestart(restart: (() => void) | null, name: string): RestoreStaged {
  if (restart) setTimeout(restart, 200).unref();
  return { name, restarting: restart !== null };
}

type RecoveryMethod = 'recovery.backups' | 'recovery.restore';

export function isRecoveryMethod(method: string): method is RecoveryMethod {
  return method === 'recovery.backups' || method === 'recovery.restore';
}

/** Core.call's path for these two while the core could not open its data: validated like any call, never throws. */
export async function answerRecovery(deps: RecoveryDeps, method: RecoveryMethod, input: unknown): Promise<Result<unknown>> {
  const invalid = (issues: { path: PropertyKey[]; code: string; message: string }[]): Result<unknown> => ({
    ok: false,
    error: new AppError('invalid_input', 'invalid_input', { method }, issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message }))).toData(),
  });
  try {
    if (method === 'recovery.backups') {
      const parsed = contract[method].input.safeParse(input ?? {});
      return parsed.success ? { ok: true, value: await recoveryBackups(deps, parsed.data) } : invalid(parsed.error.issues);
    }
    const parsed = contract[method].input.safeParse(input ?? {});
    return parsed.success ? { ok: true, value: await recoveryRestore(deps, parsed.data) } : invalid(parsed.error.issues);
  } catch (err) {
    return { ok: false, error: toErrorData(err) };
  }
}
