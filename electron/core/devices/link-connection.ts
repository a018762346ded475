// Keeps one link's connection up: open its port, start the session, and after a loss retry with backoff.
import { AppError, type AppErrorData } from '../../../shared/contract/app-error';
import type { LinkState, PortMatch, SerialPortSettings } from '../../../shared/contract/links';
import type { Driver, OpenedSession, PortOpener } from './driver-registry';
import type { DriverSession, SessionHandlers } from './driver-session';
import { type PortLister, resolvePortPath } from './port-match';
import { type LeftActive, reconcilingHandlers, restoreUnclaimed } from './left-active-conditions';
import { type BackoffOptions, createBackoff } from './reconnect-backoff';

export interface ConnectionStatus {
  state: LinkState;
  since: number;
  currentPath: string | null;
  lastError: AppErrorData | null;
  /** Connections made again after one was lost. */
  reconnects: number;
}

export interface LinkConnectionOptions {
  portPath: string;
  portMatch: PortMatch;
  serial: SerialPortSettings;
  driver: Driver;
  /** Parsed, secrets in clear. */
  settings: Record<string, unknown>;
  handlers: SessionHandlers;
  /** The conditions an earlier session left active, read afresh before each session starts. */
  leftActive?: () => Promise<LeftActive>;
  now: () => number;
  listPorts: PortLister;
  openPort: PortOpener;
  backoff: BackoffOptions;
  onStatus(status: ConnectionStatus, previous: ConnectionStatus): void;
}

export interface LinkConnection {
  start(): void;
  /** Stops retrying, stops the session and closes its port; resolves once the port is closed. */
  stop(): Promise<void>;
  status(): ConnectionStatus;
  /** The running session, or null while not connected. */
  session(): DriverSession | null;
}

function asErrorData(err: unknown, fallbackCode: string, params: Record<string, string>): AppErrorData {
  if (err instanceof AppError) return err.toData();
  const reason = err instanceof Error ? err.message : String(err);
  return new AppError(fallbackCode, fallbackCode, { ...params, reason }).toData();
}

export function createLinkConnection(options: LinkConnectionOptions): LinkConnection {
  const { now } = options;
  const backoff = createBackoff(options.backoff);
  let status: ConnectionStatus = { state: 'connecting', since: now(), currentPath: null, lastError: null, reconnects: 0 };
  let stopped = false;
  let everConnected = false;
  let opened: OpenedSession | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let attempt: Promise<void> | null = null;

  const update = (patch: Partial<Omit<ConnectionStatus, 'since'>>): void => {
    const previous = status;
    const next = { ...status, ...patch };
    if (next.state !== previous.state) next.since = now();
    status = next;
    const changed = next.state !== previous.state || next.currentPath !== previous.currentPath || next.lastError?.code !== previous.lastError?.code;
    if (changed) options.onStatus(next, previous);
  };

  const retryLater = (): void => {
    if (stopped) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      runAttempt();
    }, backoff.next());
  };

  /** One attempt at a time; whatever it throws (a session that failed to start) is a reason to retry, not a crash. */
  const runAttempt = (): void => {
    attempt = connect()
      .catch((err: unknown) => {
        if (stopped) return;
        update({ state: 'reconnecting', currentPath: null, lastError: asErrorData(err, 'devices.sessionFailed', { path: options.portPath }) });
        retryLater();
      })
      .finally(() => (attempt = null));
  };

  const lost = (session: OpenedSession, error?: Error): void => {
    if (stopped || opened !== session) return;
    opened = null;
    session.close().catch((err: unknown) => console.error('[devices] closing a lost session failed:', err));
    const path = status.currentPath ?? options.portPath;
    update({ state: 'reconnecting', currentPath: null, lastError: error ? asErrorData(error, 'devices.portClosed', { path }) : new AppError('devices.portClosed', 'devices.portClosed', { path }).toData() });
    retryLater();
  };

  const connect = async (): Promise<void> => {
    if (stopped) return;
    const path = await resolvePortPath(options.portPath, options.portMatch, options.listPorts);
    if (stopped) return;
    if (path === null) {
      // Offline: the node is not there (adapter unplugged, wrong path) — a clear reason, and keep looking.
      update({ state: 'offline', currentPath: null, lastError: new AppError('devices.portMissing', 'devices.portMissing', { path: options.portPath }).toData() });
      retryLater();
      return;
    }
    let session: OpenedSession;
    let left: LeftActive | null = null;
    try {
      // Every session (start-up, update, re-enable, replug) judges again what the one before it left active.
      left = options.leftActive ? await options.leftActive() : null;
      const handlers = left ? reconcilingHandlers(options.handlers, left) : options.handlers;
      if (stopped) return;
      session = await options.driver.open({ path, serial: options.serial, settings: options.settings, handlers, now, openPort: options.openPort });
    } catch (err) {
      if (stopped) return;
      update({ state: 'reconnecting', currentPath: null, lastError: asErrorData(err, 'devices.portOpenFailed', { path }) });
      retryLater();
      return;
    }
    if (stopped) {
      await session.close();
      return;
    }
    try {
      if (left) await restoreUnclaimed(left, (key) => options.driver.claims(options.settings, key), options.handlers, now());
      session.session.start();
    } catch (err) {
      await session.close();
      throw err;
    }
    opened = session;
    backoff.reset();
    session.onClose((error) => lost(session, error));
    update({ state: 'connected', currentPath: path, lastError: null, reconnects: everConnected ? status.reconnects + 1 : status.reconnects });
    everConnected = true;
  };

  return {
    start() {
      if (stopped || attempt || opened) return;
      runAttempt();
    },
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      await attempt;
      const session = opened;
      opened = null;
      await session?.close();
    },
    status: () => status,
    session: () => opened?.session ?? null,
  };
}
