// The update decisions, under Node: check the feed (a newer version only), fetch and verify the installer before it
// is offered, hold the install while a level-I incident is open or an alarm unacknowledged; every step journaled.
import { join } from 'node:path';
import { AppError } from '../../../shared/contract/app-error';
import type { UpdateBlockers, UpdateStatus } from '../../../shared/contract/updates';
import { openIncidentStates } from '../../../shared/domain/incidents/incident-lifecycle';
import type { CoreContext } from '../context';
import { inTransaction } from '../journal/service';
import { toErrorData } from '../to-error-data';
import { fetchVerifiedInstaller, feedFileName, readFeed } from './update-feed';
import { readUpdateSource } from './update-source-file';
import { compareVersions } from './version-order';

/** The transport's part: runs the verified installer (the desktop app through electron-updater); null under the headless host. */
export type InstallUpdate = (update: { version: string; installerPath: string; source: UpdateStatus['source'] }) => Promise<void>;

export interface UpdateService {
  status(): Promise<UpdateStatus>;
  check(operator: string): Promise<UpdateStatus>;
  install(operator: string): Promise<UpdateStatus>;
}

export const updatesFolder = 'updates';

export async function updateBlockers(ctx: CoreContext): Promise<UpdateBlockers> {
  const incidents = await ctx.db
    .selectFrom('incident')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('level', '=', 'I')
    .where('state', 'in', openIncidentStates)
    .executeTakeFirstOrThrow();
  const alarms = await ctx.db
    .selectFrom('alarm')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ack_required', '=', 1)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { levelOneIncidents: Number(incidents.n), unacknowledgedAlarms: Number(alarms.n) };
}

export function createUpdateService(ctx: CoreContext, currentVersion: string, installUpdate: InstallUpdate | null, platform: NodeJS.Platform = process.platform): UpdateService {
  let state: UpdateStatus['state'] = 'idle';
  let available: UpdateStatus['available'] = null;
  let installerPath: string | null = null;
  let checkedAt: number | null = null;
  let error: string | null = null;

  const journal = (type: string, payload: unknown, operator: string) =>
    inTransaction(ctx, async (_trx, append) => {
      await append({ type, entityType: 'update', entityId: 'console', payload, operator });
    });

  const status = async (): Promise<UpdateStatus> => ({
    currentVersion,
    source: readUpdateSource(ctx.dataDir),
    state,
    available,
    checkedAt,
    error,
    blockers: await updateBlockers(ctx),
  });

  return {
    status,
    async check(operator) {
      const source = readUpdateSource(ctx.dataDir);
      if (source.kind === 'none') throw new AppError('update_source_not_set', 'update_source_not_set');
      checkedAt = ctx.clock.now();
      available = null;
      installerPath = null;
      try {
        const feed = await readFeed(source, feedFileName(platform));
        const order = compareVersions(feed.version, currentVersion);
        if (order === 0) {
          state = 'up_to_date';
          error = null;
        } else if (order < 0) {
          // An older build on the stick or the server is never offered.
          state = 'refused';
          error = 'update_downgrade';
          await journal('update.refused', { version: feed.version, currentVersion, reason: 'downgrade' }, operator);
        } else {
          installerPath = await fetchVerifiedInstaller(source, feed, join(ctx.dataDir, updatesFolder, feed.version));
          state = 'ready';
          error = null;
          available = { version: feed.version, releaseDate: feed.releaseDate };
          await journal('update.offered', { version: feed.version, currentVersion, source, sha512: feed.installer.sha512 }, operator);
        }
      } catch (err) {
        state = 'failed';
        const data = toErrorData(err);
        error = data.code;
        await journal('update.check_failed', { source, error: data.code, params: data.params }, operator);
      }
      return status();
    },
    async install(operator) {
      if (state !== 'ready' || !available || !installerPath) throw new AppError('update_not_ready', 'update_not_ready');
      const blockers = await updateBlockers(ctx);
      if (blockers.levelOneIncidents > 0 || blockers.unacknowledgedAlarms > 0) {
        await journal('update.held', { version: available.version, ...blockers }, operator);
        throw new AppError('update_blocked', 'update_blocked', { version: available.version, ...blockers });
      }
      if (!installUpdate) throw new AppError('update_install_unavailable', 'update_install_unavailable');
      await journal('update.installing', { version: available.version, currentVersion }, operator);
      state = 'installing';
      await installUpdate({ version: available.version, installerPath, source: readUpdateSource(ctx.dataDir) });
      return status();
    },
  };
}
