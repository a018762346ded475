// Commits device alarms with group commit: alarms arriving while a commit runs share the next transaction.
import type { DeviceAlarm } from '../../../shared/domain/devices/device-signals';
import type { CoreContext } from '../context';
import { inTransaction } from '../journal/service';
import { type RecordedAlarm, recordAlarms } from './alarm-recording';
import type { AlarmSource } from './alarm-source';
import { enabledRules } from './alarm-rules';

export type { AlarmSource } from './alarm-source';

export interface AlarmIngest {
  /** The `SessionHandlers.alarm` of one device: resolves once the alarm is committed, rejects if it was not. */
  handlerFor(source: AlarmSource): (alarm: DeviceAlarm) => Promise<void>;
  /** Settles once every alarm handed in so far is committed or refused. */
  idle(): Promise<void>;
}

export interface AlarmIngestOptions {
  /** Most alarms in one transaction, so one commit never holds the database for long. */
  maxBatch?: number;
}

interface Waiting {
  source: AlarmSource;
  alarm: DeviceAlarm;
  resolve(): void;
  reject(error: unknown): void;
}

export function createAlarmIngest(ctx: CoreContext, options: AlarmIngestOptions = {}): AlarmIngest {
  const maxBatch = options.maxBatch ?? 500;
  const queue: Waiting[] = [];
  let pumping: Promise<void> | null = null;

  const announce = (recorded: readonly RecordedAlarm[]): void => {
    for (const r of recorded) if (r.isNewRaise) ctx.emit('alarms.raised', { alarm: r.alarm });
    ctx.emit('alarms.changed', { ids: [...new Set(recorded.map((r) => r.alarm.id))] });
    const incidentIds = recorded.flatMap((r) => (r.incidentId ? [r.incidentId] : []));
    if (incidentIds.length) ctx.emit('incidents.changed', { ids: incidentIds });
    const assetIds = [...new Set(recorded.flatMap((r) => r.linkedAssetIds))];
    if (assetIds.length) ctx.emit('assets.changed', { ids: assetIds });
  };

  const commit = async (batch: readonly Waiting[]): Promise<RecordedAlarm[]> =>
    inTransaction(ctx, async (trx, journal) => recordAlarms(ctx, trx, journal, batch, await enabledRules(trx)));

  const commitBatch = async (batch: readonly Waiting[]): Promise<void> => {
    try {
      const recorded = await commit(batch);
      for (const item of batch) item.resolve();
      announce(recorded);
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // One alarm that cannot be recorded must not refuse the others that shared its transaction: each alone.
      for (const item of batch) await commitBatch([item]);
    }
  };

  const pump = async (): Promise<void> => {
    while (queue.length > 0) await commitBatch(queue.splice(0, maxBatch));
    pumping = null;
  };

  const submit = (source: AlarmSource, alarm: DeviceAlarm): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      queue.push({ source, alarm, resolve, reject });
      // The first alarm commits at once (latency); those arriving meanwhile wait for the next transaction (throughput).
      pumping ??= pump();
    });

  return {
    handlerFor: (source) => (alarm) => submit({ ...source }, alarm),
    async idle() {
      while (pumping) await pumping;
    },
  };
}
