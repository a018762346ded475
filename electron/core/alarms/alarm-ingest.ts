// Takes device alarms in two steps. Intake: alarms arriving together are committed to the inbox in one statement and
// the devices answered (a receiver's ACK waits for this commit only). Recording: the inbox is turned into alarm rows,
// journal entries and incidents in arrival order, the oldest rows up to `recordBatch` alarms per transaction, and the
// UIs are told.
import type { DeviceAlarm } from '../../../shared/domain/devices/device-signals';
import type { CoreContext } from '../context';
import type { AlarmOutcome } from '../devices/driver-session';
import { type InboxRow, insertInboxRows, loadInbox, recordInboxRows } from './alarm-inbox';
import type { AlarmToRecord, RecordedAlarm } from './alarm-recording';
import type { AlarmSource } from './alarm-source';
import type { InboxWriter } from './inbox-writer';
import { unrecordableReason } from './recordable-alarm';

export type { AlarmSource } from './alarm-source';

export interface AlarmIngest {
  /** The `SessionHandlers.alarm` of one device: resolves once the alarm is committed (to the inbox), rejects if not. */
  handlerFor(source: AlarmSource): (alarm: DeviceAlarm) => Promise<void>;
  /** The `SessionHandlers.alarms` of one device: several alarms, one promise; for each, null once committed or why not. */
  batchHandlerFor(source: AlarmSource): (alarms: readonly DeviceAlarm[]) => Promise<AlarmOutcome[]>;
  /** Records what an earlier run committed but did not record (it stopped in between); call once, before devices start. */
  resume(): Promise<void>;
  /** Settles once every alarm handed in so far is committed and recorded (or, while the database refuses, waiting to retry). */
  idle(): Promise<void>;
  /** No more retries, and the inbox connection closed; what is still in the inbox is recorded at the next start. */
  stop(): Promise<void>;
}

export interface AlarmIngestOptions {
  /** Most alarms recorded in one transaction, so recording never holds the database (and the next intake) for long. */
  recordBatch?: number;
  /** First wait before recording is tried again while the database refuses writes; doubles up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** Recording starts once no alarm has arrived for this long (a burst is taken in first)… */
  quietMs?: number;
  /** …but waits no longer than this for the intake to go quiet. */
  maxYieldMs?: number;
}

/** Alarms of one device handed in together, answered together. */
interface Waiting {
  source: AlarmSource;
  alarms: readonly DeviceAlarm[];
  resolve(outcomes: AlarmOutcome[]): void;
}

/**
 * The most alarms one intake commits; more wait for the next. Small enough that the last statement of a burst is
 * short and alarms do not live long enough in memory to cost the garbage collector (5,000: 0.30–0.45 s for a
 * 10,000-event burst; 1,000: 0.25–0.26 s; 500: 0.23–0.26 s; 250: 0.26–0.27 s).
 */
const maxIntake = 500;

/** `writer` commits arriving alarms on a connection of its own (see inbox-writer.ts); `stop` closes it. */
export function createAlarmIngest(ctx: CoreContext, writer: InboxWriter, options: AlarmIngestOptions = {}): AlarmIngest {
  const recordBatch = options.recordBatch ?? 250;
  const retryDelayMs = options.retryDelayMs ?? 1_000;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
  const quietMs = options.quietMs ?? 2;
  const maxYieldMs = options.maxYieldMs ?? 200;
  const arriving: Waiting[] = [];
  let intaking: Promise<void> | null = null;
  /** Committed to the inbox, not yet recorded, in arrival order. */
  const inbox: InboxRow[] = [];
  let recording: Promise<void> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;

  const announce = (recorded: readonly RecordedAlarm[]): void => {
    if (recorded.length === 0) return;
    for (const r of recorded) if (r.isNewRaise) ctx.emit('alarms.raised', { alarm: r.alarm });
    ctx.emit('alarms.changed', { ids: [...new Set(recorded.map((r) => r.alarm.id))] });
    const incidentIds = recorded.flatMap((r) => (r.incidentId ? [r.incidentId] : []));
    if (incidentIds.length) ctx.emit('incidents.changed', { ids: incidentIds });
    const assetIds = [...new Set(recorded.flatMap((r) => r.linkedAssetIds))];
    if (assetIds.length) ctx.emit('assets.changed', { ids: assetIds });
  };

  let lastArrivalAt = 0;
  /**
   * The recording transaction now running. The intake waits for it in-process rather than on SQLite's busy handler,
   * whose sleeps (1, 2, 5, 10 ms…) would hold every answer up by more than the transaction itself.
   */
  let recordingStep: Promise<unknown> | null = null;
  /**
   * While alarms keep arriving (a receiver emptying its buffer), taking them in and answering the device comes first:
   * recording waits until the intake has been quiet for `quietMs`, but never longer than `maxYieldMs` in a row.
   */
  const intakeFirst = async (): Promise<void> => {
    const since = performance.now();
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      const quietFor = performance.now() - lastArrivalAt;
      if ((!intaking && quietFor >= quietMs) || performance.now() - since >= maxYieldMs) return;
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, quietMs - quietFor)));
    }
  };

  const recordAll = async (): Promise<void> => {
    try {
      await intakeFirst();
      while (inbox.length > 0 && !stopped) {
        // The oldest rows, up to `recordBatch` alarms (at least one row): a receiver answered one event at a time
        // leaves a row per event, and recording those one transaction each could not keep up with the line.
        let rows = 1;
        for (let count = inbox[0]!.count; rows < inbox.length && count + inbox[rows]!.count <= recordBatch; rows += 1) count += inbox[rows]!.count;
        const taken = inbox.slice(0, rows);
        const step = recordInboxRows(ctx, taken);
        recordingStep = step;
        try {
          const { recorded, setAside } = await step;
          announce(recorded);
          // The banner counts alarms set aside: it must hear of one even when nothing else was recorded.
          if (setAside > 0 && recorded.length === 0) ctx.emit('alarms.changed', { ids: [] });
        } finally {
          recordingStep = null;
        }
        inbox.splice(0, rows);
        failures = 0;
        await intakeFirst();
      }
    } catch (error) {
      // The database refuses writes (disk full, I/O error): the rows stay in the inbox and are tried again later.
      failures += 1;
      const delay = Math.min(maxRetryDelayMs, retryDelayMs * 2 ** (failures - 1));
      console.error(`[alarms] recording the inbox failed (attempt ${failures}), retrying in ${delay} ms:`, error);
      if (!stopped) {
        retryTimer = setTimeout(() => {
          retryTimer = undefined;
          startRecording();
        }, delay);
      }
    } finally {
      recording = null;
    }
  };

  function startRecording(): void {
    if (recording || retryTimer || stopped || inbox.length === 0) return;
    recording = recordAll();
  }

  const takeIn = async (groups: readonly Waiting[]): Promise<void> => {
    const outcomes = groups.map((group) => group.alarms.map((): AlarmOutcome => null));
    const accepted: AlarmToRecord[] = [];
    groups.forEach((group, g) =>
      group.alarms.forEach((alarm, i) => {
        const reason = unrecordableReason(group.source, alarm);
        if (reason) outcomes[g]![i] = new Error(`alarm not recordable: ${reason}`);
        else accepted.push({ source: group.source, alarm });
      }),
    );
    if (accepted.length > 0) {
      while (recordingStep) await recordingStep.catch(() => undefined);
      try {
        inbox.push(...(await insertInboxRows(writer, ctx.clock.now(), accepted, recordBatch)));
        startRecording();
      } catch (error) {
        const refused = error instanceof Error ? error : new Error(String(error));
        for (const list of outcomes) list.forEach((outcome, i) => (list[i] = outcome ?? refused));
      }
    }
    groups.forEach((group, g) => group.resolve(outcomes[g]!));
  };

  /** Groups until at least `maxIntake` alarms (a larger group goes whole). */
  const nextGroups = (): Waiting[] => {
    let count = 0;
    let n = 0;
    while (n < arriving.length && count < maxIntake) count += arriving[n++]!.alarms.length;
    return arriving.splice(0, n);
  };

  const intake = async (): Promise<void> => {
    while (arriving.length > 0) await takeIn(nextGroups());
    intaking = null;
  };

  const submit = (source: AlarmSource, alarms: readonly DeviceAlarm[]): Promise<AlarmOutcome[]> =>
    new Promise<AlarmOutcome[]>((resolve) => {
      arriving.push({ source, alarms, resolve });
      lastArrivalAt = performance.now();
      // The first alarms are committed at once (latency); those arriving meanwhile share the next commit (throughput).
      intaking ??= intake();
    });

  const batchHandlerFor = (source: AlarmSource): ((alarms: readonly DeviceAlarm[]) => Promise<AlarmOutcome[]>) => {
    const own = { ...source };
    return (alarms) => submit(own, alarms);
  };

  const idle = async (): Promise<void> => {
    for (;;) {
      if (intaking) await intaking;
      else if (recording) await recording;
      else return;
    }
  };

  return {
    handlerFor: (source) => {
      const many = batchHandlerFor(source);
      return async (alarm) => {
        const [outcome] = await many([alarm]);
        if (outcome) throw outcome;
      };
    },
    batchHandlerFor,
    async resume() {
      inbox.unshift(...(await loadInbox(ctx.db)));
      startRecording();
    },
    idle,
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      await idle();
      await writer.close();
    },
  };
}
