// The core: opens the data directory, answers contract calls, pushes events. Runs under plain Node.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, type Result } from '../../shared/contract/app-error';
import { contract, type EventMap, type EventName, isMethodName, type MethodName } from '../../shared/contract';
import type { PortInfo } from '../../shared/contract/links';
import type { SystemInfo } from '../../shared/contract/system';
import { type AlarmIngest, createAlarmIngest } from './alarms/alarm-ingest';
import { openInboxWriter } from './alarms/inbox-writer';
import { alarmsApi } from './alarms/api';
import { alertsApi } from './alerts/api';
import type { Handlers } from './api-handlers';
import { assetsApi } from './assets/api';
import { backupsApi } from './backups/api';
import { backupAlarmRaiser } from './backups/backup-alarm';
import { startBackupSchedule } from './backups/backup-schedule';
import { answerRecovery, isRecoveryMethod, type RecoveryDeps } from './backups/recovery-api';
import { applyPendingRestore } from './backups/restore';
import { journalRestoreNote } from './backups/restore-note';
import { ensureBuiltinCatalog } from './assets/catalog-service';
import type { CallContext, Clock, CoreContext } from './context';
import type { Db } from './db/database';
import { clearCleanShutdownMark, closedCleanly, writeCleanShutdownMark } from './db/clean-shutdown';
import { checkedBeforeOpening, checkingInBackground, type IntegrityState } from './db/integrity-state';
import { databaseFileName } from './db/database-file';
import { openDatabase } from './db/open-database';
import { openReadConnection } from './db/read-connection';
import { linksApi } from './devices/api';
import { createDemoSiteRunner, type DemoSiteRunner } from './devices/demo-site-service';
import { type DeviceLayer, startConfiguredLinks } from './devices/link-service';
import { createDeviceSupervisor } from './devices/device-supervisor';
import { listPorts } from './devices/port-list';
import { type BackoffOptions, defaultBackoff } from './devices/reconnect-backoff';
import { openSecretBox } from './devices/secret-box';
import { dispatchApi } from './dispatch/api';
import { repairsApi } from './repairs/api';
import { dutyApi } from './duty/api';
import { escalationsApi } from './escalations/api';
import { escalateMissedMilestones } from './escalations/escalation-service';
import { startEscalationWatch } from './escalations/escalation-watch';
import { incidentsApi } from './incidents/api';
import { checkSlaCrossings, startSlaWatch } from './incidents/sla-watch';
import { inputMaxDepth, tooDeepAt } from './input-depth';
import { journalApi } from './journal/api';
import { maintenanceApi } from './maintenance/api';
import { generateDueTasks } from './maintenance/task-generation';
import { ensureShippedTemplates } from './maintenance/template-service';
import { type PeriodicJob, startPeriodicJob } from './periodic-job';
import { checkJournalAtStart, writeJournalCheckpoint } from './journal/journal-checkpoints';
import { openJournalKey } from './journal/journal-key';
import { newId } from './new-id';
import { operatorsApi } from './operators/api';
import { createAccessState } from './operators/access-state';
import { powerApi } from './power/api';
import { startUpsShutdownWatch, type UpsShutdownWatch } from './power/ups-shutdown';
import { problemsApi } from './problems/api';
import { readingsApi } from './readings/api';
import { type ReadingsKeeper, type ReadingsOptions, startReadingsKeeper } from './readings/readings-keeper';
import { reportsApi } from './reports/api';
import { type CoreSession, openCoreSession, type PagePush, type WallOnly } from './operators/core-session';
import { startIdleWatch } from './operators/idle-lock';
import { syncApi } from './sync/api';
import { wallApi } from './wall/api';
import { createPrintCapabilities } from './maintenance/print-capability';
import { createRecordPdfMaker, type RecordPdfRenderer } from './maintenance/record-pdf';
import { type SyncEngine, type SyncEngineOptions, startSyncEngine } from './sync/sync-engine';
import { toErrorData } from './to-error-data';
import { updatesApi } from './updates/api';
import { createUpdateService, type InstallUpdate } from './updates/update-service';

export interface CoreOptions {
  dataDir: string;
  transport: SystemInfo['transport'];
  version: string;
  clock?: Clock;
  newId?: () => string;
  /** How often the SLA watch looks for passed deadlines while running; 0 turns the timer off (tests). Default 30 s. */
  slaWatchIntervalMs?: number;
  /** How often the core looks for sign-ins idle past the idle lock (operators/idle-lock.ts); 0 turns the timer off. Default 15 s. */
  idleCheckIntervalMs?: number;
  devices?: DeviceOptions;
  /** The upstream sync engine's timings and connector (tests shorten the waits); `false` does not start it. */
  sync?: Partial<SyncEngineOptions> | false;
  /** The readings history's batch and rollup timings (tests turn the rollup timer off and run it themselves). */
  readings?: ReadingsOptions;
  /** How often the backup schedule looks whether a backup is due; 0 turns it off (tests). Default 60 s. */
  backupCheckIntervalMs?: number;
  /**
   * Closes this core and starts it again on the same data folder (after a restore was staged). The transport's:
   * the desktop app relaunches, the headless host reopens the core in its process. Without it a staged restore is
   * applied at the next start.
   */
  restart?: () => void;
  /** Runs a verified update's installer (the desktop app, through electron-updater); without it updates are checked, never installed. */
  installUpdate?: InstallUpdate;
  /**
   * Lays a finished maintenance record's print page out as an A4 PDF (the desktop app's printToPDF, the headless
   * host's Chromium); without it the record's ticket goes up with its CSV and the PDF waits for a renderer.
   */
  recordPdfRenderer?: RecordPdfRenderer | null;
}

export interface DeviceOptions {
  /** False: configured links are never opened (tests of the configuration alone). Default true. */
  autoStart?: boolean;
  /**
   * Lists the ports with their USB identities, both for `links.ports` and to find a replugged adapter under a new
   * path. Default: serialport's list; tests report socat ptys with made-up identities (a pty has none).
   */
  listPorts?: () => Promise<PortInfo[]>;
  backoff?: BackoffOptions;
}

export type { CoreSession };

export type EventListener = <E extends EventName>(event: E, payload: EventMap[E]) => void;

export interface Core {
  readonly info: SystemInfo;
  /**
   * The trusted internal path: validates the input against the contract, runs the handler as `caller` with no
   * permission check, and never throws. For tests, benchmarks and the core's own jobs; transports never use it.
   */
  call(method: string, input: unknown, caller: CallContext): Promise<Result<unknown>>;
  /**
   * A transport's session (one per page): signed out at first, every call checked against method-permissions.ts.
   * `push` sends an event to that page; the session decides which core events it hears (operators/core-session.ts).
   * `wallOnly`: the page is a wall (the desktop wall window, a browser with the wall key) and may read the wall only.
   */
  openSession(push?: PagePush, wallOnly?: WallOnly): CoreSession;
  onEvent(listener: EventListener): () => void;
  /** The readings history (null when the core failed to start): tests and benchmarks record and roll up through it. */
  readonly readings: ReadingsKeeper | null;
  /** Settles when this start's integrity check is over: true if the file is sound (at once unless it ran in the background). */
  integrityChecked(): Promise<boolean>;
  close(): Promise<void>;
}

export { databaseFileName };
const systemClock: Clock = { now: () => Date.now() };
const defaultSlaWatchIntervalMs = 30_000;
const defaultIdleCheckIntervalMs = 15_000;

export async function startCore(options: CoreOptions): Promise<Core> {
  const listeners = new Set<EventListener>();
  const emit: EventListener = (event, payload) => {
    for (const l of listeners) l(event, payload);
  };
  const databasePath = join(options.dataDir, databaseFileName);
  const info: SystemInfo = {
    version: options.version,
    transport: options.transport,
    dataDir: options.dataDir,
    databasePath,
    startedAt: (options.clock ?? systemClock).now(),
    integrityCheck: 'before-start',
    startupError: null,
    journalAlarm: null,
  };

  let db: Db | null = null;
  let reader: Db | null = null;
  let handlers: Handlers<MethodName> | null = null;
  let slaWatch: PeriodicJob | null = null;
  let maintenanceJob: PeriodicJob | null = null;
  let escalationWatch: PeriodicJob | null = null;
  let idleWatch: PeriodicJob | null = null;
  let coreCtx: CoreContext | null = null;
  let integrity: IntegrityState | null = null;
  let deviceLayer: DeviceLayer | null = null;
  let demoSite: DemoSiteRunner | null = null;
  let alarmIngest: AlarmIngest | null = null;
  let syncEngine: SyncEngine | null = null;
  let readings: ReadingsKeeper | null = null;
  let backupSchedule: PeriodicJob | null = null;
  let upsWatch: UpsShutdownWatch | null = null;
  // The UPS watch closes the core itself; set once the core below is made.
  let closeSelf: () => Promise<void> = async () => undefined;
  const access = createAccessState();
  const recovery: RecoveryDeps = { dataDir: options.dataDir, now: () => (options.clock ?? systemClock).now(), restart: options.restart ?? null };
  try {
    mkdirSync(options.dataDir, { recursive: true });
    // A restore picked before this start replaces the files before anything opens them (backups/restore.ts).
    await applyPendingRestore(options.dataDir, recovery.now());
    // After a clean shutdown the full check (seconds on a large file) runs beside the console instead of before it.
    const clean = closedCleanly(options.dataDir, databasePath);
    db = await openDatabase(databasePath, { integrityCheck: !clean });
    clearCleanShutdownMark(options.dataDir);
    reader = await openReadConnection(databasePath);
    if (clean) info.integrityCheck = 'background';
    integrity = clean
      ? checkingInBackground(databasePath, (broken) => {
          info.startupError = broken;
          emit('system.changed', {});
        })
      : checkedBeforeOpening();
    await ensureBuiltinCatalog(db);
    const journalKey = openJournalKey(options.dataDir);
    const ctx: CoreContext = { db, dataDir: options.dataDir, clock: options.clock ?? systemClock, journalKey: journalKey.key, newId: options.newId ?? (() => newId()), emit };
    const printCapabilities = createPrintCapabilities(ctx.clock);
    ctx.recordPdf = createRecordPdfMaker(ctx, options.recordPdfRenderer ?? null, printCapabilities);
    // Before anything is appended: a journal cut or rewritten while the console was stopped is shown, not obeyed (the
    // console still starts, so the guard can report emergencies).
    info.journalAlarm = await checkJournalAtStart(ctx, journalKey.created);
    await journalRestoreNote(ctx);
    // Deadlines passed while the console was closed are journaled before anyone is answered.
    await checkSlaCrossings(ctx);
    // Checklists ship with the console; plans' tasks come due while it was closed. Like the escalations below, a
    // failure here is logged (the hourly run tries the tasks again) and never keeps the emergency report from starting.
    await ensureShippedTemplates(db, ctx.clock.now())
      .then(() => generateDueTasks(ctx))
      .catch((err: unknown) => console.error('[core] maintenance tasks at start failed:', toErrorData(err)));
    // Escalations wait for the supervisor, not the guard: a failure here is logged and retried by the escalation
    // watch, and never keeps the console (and its emergency report) from starting.
    await escalateMissedMilestones(ctx).catch((err: unknown) => console.error('[core] escalation check failed:', toErrorData(err)));
    const deviceOptions = options.devices ?? {};
    const injectedLister = deviceOptions.listPorts;
    const portList = injectedLister ? async () => ({ ports: await injectedLister(), warning: null }) : () => listPorts();
    const ingest = createAlarmIngest(ctx, await openInboxWriter(databasePath));
    alarmIngest = ingest;
    // Alarms a device was answered for but the console did not get to record (it stopped in between) come first.
    await ingest.resume();
    const keeper = await startReadingsKeeper(databasePath, ctx.clock, options.readings);
    readings = keeper;
    const layer: DeviceLayer = {
      secrets: openSecretBox(options.dataDir),
      supervisor: createDeviceSupervisor(ctx, {
        ingest,
        listPorts: async () => (await portList()).ports,
        backoff: deviceOptions.backoff ?? defaultBackoff,
        autoStart: deviceOptions.autoStart ?? true,
        recordReading: keeper.recorder.record,
      }),
    };
    deviceLayer = layer;
    const demo = createDemoSiteRunner(ctx, layer);
    demoSite = demo;
    const backupDeps = { consoleVersion: options.version, raiseAlarm: backupAlarmRaiser(ingest), restart: recovery.restart };
    const syncOptions = options.sync === false ? {} : (options.sync ?? {});
    const sync = startSyncEngine(ctx, layer.secrets, syncOptions, options.sync !== false);
    syncEngine = sync;
    // The outbox is written with every journaled change: each append may have made an item due.
    listeners.add((event) => {
      if (event === 'journal.appended') sync.wake();
    });
    handlers = {
      'system.info': async () => info,
      ...journalApi(ctx),
      ...assetsApi(ctx),
      ...incidentsApi(ctx, reader),
      ...dutyApi(ctx, access),
      ...operatorsApi(ctx, access),
      ...alertsApi(ctx),
      ...alarmsApi(ctx),
      ...linksApi(ctx, layer, portList),
      ...maintenanceApi(ctx, printCapabilities),
      ...problemsApi(ctx, access),
      ...escalationsApi(ctx),
      ...dispatchApi(ctx),
      ...repairsApi(ctx),
      ...readingsApi(ctx),
      ...wallApi(ctx, layer),
      ...reportsApi(ctx),
      'demo.status': () => demo.status(),
      'demo.enable': (_args, call) => demo.enable(call),
      ...syncApi(ctx, layer.secrets, sync, syncOptions),
      ...backupsApi(ctx, backupDeps),
      ...powerApi(ctx),
      ...updatesApi(ctx, createUpdateService(ctx, options.version, options.installUpdate ?? null)),
      'recovery.backups': () => Promise.reject(new AppError('recovery_not_needed', 'recovery_not_needed')),
      'recovery.restore': () => Promise.reject(new AppError('recovery_not_needed', 'recovery_not_needed')),
    };
    const slaWatchIntervalMs = options.slaWatchIntervalMs ?? defaultSlaWatchIntervalMs;
    if (slaWatchIntervalMs > 0) slaWatch = startSlaWatch(ctx, slaWatchIntervalMs);
    // Plans' tasks are made a week ahead: looking once an hour keeps a console left running for days current.
    if (slaWatchIntervalMs > 0) maintenanceJob = startPeriodicJob('maintenance tasks', 3_600_000, () => generateDueTasks(ctx));
    if (slaWatchIntervalMs > 0) escalationWatch = startEscalationWatch(ctx, slaWatchIntervalMs);
    const idleCheckIntervalMs = options.idleCheckIntervalMs ?? defaultIdleCheckIntervalMs;
    if (idleCheckIntervalMs > 0) idleWatch = startIdleWatch(ctx, access.signIns, idleCheckIntervalMs);
    const watch = startUpsShutdownWatch(ctx, { closeCore: () => closeSelf() });
    upsWatch = watch;
    listeners.add((event, payload) => {
      if (event === 'alarms.raised') watch.alarmRaised((payload as EventMap['alarms.raised']).alarm);
    });
    const backupCheckIntervalMs = options.backupCheckIntervalMs ?? 60_000;
    if (backupCheckIntervalMs > 0) backupSchedule = startBackupSchedule(ctx, backupDeps, backupCheckIntervalMs);
    coreCtx = ctx;
    // Devices start once the core answers: an alarm arriving now is committed like any other. The demo site's
    // simulators come first, so its configured links find their ports.
    await demo.resume();
    await startConfiguredLinks(ctx, layer);
  } catch (err) {
    // The background integrity check may have named the damage first (db_corrupt): keep that, it says more.
    info.startupError ??= toErrorData(err);
  }

  const call: Core['call'] = async (method, input, caller) => {
    if (!isMethodName(method)) return { ok: false, error: new AppError('unknown_method', 'unknown_method', { method: String(method) }).toData() };
    if (method === 'system.info') return { ok: true, value: info };
    // The damaged-database screen's restore: the one thing a core that could not open its data still does.
    if ((!handlers || info.startupError) && isRecoveryMethod(method)) return answerRecovery(recovery, method, input);
    // startupError also covers a failed background integrity check, which may land after the handlers were made.
    if (!handlers || info.startupError) return { ok: false, error: info.startupError ?? new AppError('core_not_started', 'core_not_started').toData() };
    // Before zod, which recurses: a deep enough input would overflow the stack in it or in the handler.
    const tooDeep = tooDeepAt(input);
    if (tooDeep) {
      const issue = { path: tooDeep.join('.'), code: 'too_deep', message: `Input nested more than ${inputMaxDepth} levels deep` };
      return { ok: false, error: new AppError('invalid_input', 'invalid_input', { method }, [issue]).toData() };
    }
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message }));
      return { ok: false, error: new AppError('invalid_input', 'invalid_input', { method }, issues).toData() };
    }
    try {
      const handler = handlers[method] as (args: unknown, call: CallContext) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data, caller) };
    } catch (err) {
      return { ok: false, error: toErrorData(err) };
    }
  };

  // Once: the UPS watch may close the core while it is running, and the transport closes it again on its way out.
  let closing: Promise<void> | null = null;
  const closeOnce = async (): Promise<void> => {
    upsWatch?.stop();
    listeners.clear();
    await syncEngine?.stop();
    await coreCtx?.recordPdf?.stop();
    await backupSchedule?.stop();
    await slaWatch?.stop();
    await maintenanceJob?.stop();
    await escalationWatch?.stop();
    await idleWatch?.stop();
    // Sessions stop first, then the alarms they handed in are committed and recorded, then the file closes.
    await deviceLayer?.supervisor.stop();
    await demoSite?.stop();
    await alarmIngest?.idle();
    await alarmIngest?.stop();
    await readings?.stop();
    await integrity?.cancel();
    const wasOpen = db !== null && info.startupError === null;
    // The head leaves the file at every clean shutdown: a cut made while the console is stopped shows at the next start.
    if (wasOpen && coreCtx) await writeJournalCheckpoint(coreCtx, 'shutdown');
    await reader?.destroy();
    reader = null;
    await db?.destroy();
    db = null;
    if (wasOpen && integrity?.knownGood()) writeCleanShutdownMark(options.dataDir, databasePath);
  };
  const core: Core = {
    info,
    call,
    get readings() {
      return readings;
    },
    openSession: (push, wallOnly) =>
      openCoreSession(
        {
          ctx: coreCtx,
          access,
          dispatch: call,
          onEvent: (listener) => {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
        },
        push,
        wallOnly,
      ),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    integrityChecked: async () => (await integrity?.checked()) ?? false,
    close: () => (closing ??= closeOnce()),
  };
  closeSelf = core.close;
  return core;
}
