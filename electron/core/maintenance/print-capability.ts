// One-time print tokens: the core's PDF renderer opens the record's print page with one, and that page reads exactly
// that task's record with it (maintenance.printRecord), without anyone signing in. A token lives for one render
// (revoked when it ends) and never longer than `printTokenLifetimeMs`; it opens no other method and no other task.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/contract/app-error';
import type { RecordPrint } from '../../../shared/contract/maintenance';
import { listCatalog } from '../assets/catalog-service';
import type { Clock, CoreContext } from '../context';
import { getTask } from './task-service';

export const printTokenLifetimeMs = 120_000;

export interface PrintCapabilities {
  /** A token for one render of this task's record. */
  issue(taskId: string): string;
  revoke(token: string): void;
  /** The task the token names, while it lives; throws print_token_invalid otherwise. */
  taskOf(token: string): string;
}

export function createPrintCapabilities(clock: Clock): PrintCapabilities {
  const tokens = new Map<string, { taskId: string; expiresAt: number }>();
  const dropExpired = (now: number) => {
    for (const [token, grant] of tokens) if (grant.expiresAt <= now) tokens.delete(token);
  };
  return {
    issue(taskId) {
      dropExpired(clock.now());
      const token = randomBytes(24).toString('base64url');
      tokens.set(token, { taskId, expiresAt: clock.now() + printTokenLifetimeMs });
      return token;
    },
    revoke: (token) => void tokens.delete(token),
    taskOf(token) {
      const grant = tokens.get(token);
      if (!grant || grant.expiresAt <= clock.now()) {
        tokens.delete(token);
        throw new AppError('print_token_invalid', 'print_token_invalid');
      }
      return grant.taskId;
    },
  };
}

/** maintenance.printRecord: the record the token names, with the catalog entries its sheet names. */
export async function printRecord(ctx: CoreContext, capabilities: PrintCapabilities, token: string): Promise<RecordPrint> {
  const detail = await getTask(ctx, capabilities.taskOf(token));
  const systemIds = new Set([detail.task.systemId, ...detail.devices.map((d) => d.systemId)]);
  const systems = (await listCatalog(ctx.db)).filter((s) => systemIds.has(s.id));
  return { detail, systems };
}
