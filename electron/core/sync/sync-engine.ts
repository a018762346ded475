// The sync engine: pushes each incident's outbox items in order through the connector, backs off with jitter
// while the link is down, parks what the upstream refuses, pulls the service center's changes back, and keeps the
// status the header shows. One cycle at a time; woken by every journal append and by its own timer.
import type { Selectable } from 'kysely';
import type { AppErrorData } from '../../../shared/contract/app-error';
import type { SyncLinkState, SyncStatus, SyncTicket } from '../../../shared/contract/sync';
import type { CoreContext } from '../context';
import type { BackoffOptions } from '../devices/reconnect-backoff';
import type { SecretBox } from '../devices/secret-box';
import { writeJournalCheckpoint } from '../journal/journal-checkpoints';
import { toErrorData } from '../to-error-data';
import { commitDone, type DoneMark, entriesOf, nextItemAttemptAt, queueCounts, takeBatch, ticketIdsOf } from './outbox';
import { pullChanges } from './pull-changes';
import { pushItem } from './push-item';
import { recordTicketOf } from './record-tickets';
import { emitRecordUpstream } from './record-upstream';
import { createRedmineConnector } from './redmine/redmine-connector';
import { jitteredDelay } from './sync-backoff';
import { type OpenedSyncSettings, openSyncSettings } from './sync-settings';
import type { SyncItemTable } from './schema';
import type { TicketConnector } from './ticket-connector';

type ItemRow = Selectable<SyncItemTable>;

export interface SyncEngineOptions {
  /** A call without an answer after this long has an unknown outcome. Default 15 s. */
  timeoutMs: number;
  /** How often the service center's changes are pulled while connected. Default 30 s. */
  pullIntervalMs: number;
  /** Waits between attempts to reach the upstream while it is down. Default 1 s doubling to 10 s. */
  linkBackoff: BackoffOptions;
  /** Waits before an item the upstream failed on (5xx) is tried again. Default 5 s doubling to 5 min. */
  itemBackoff: BackoffOptions;
  random: () => number;
  /** The connector for the settings (Redmine is the only one so far). */
  connectorFor: (settings: OpenedSyncSettings, timeoutMs: number) => TicketConnector;
}

export const defaultSyncEngineOptions: SyncEngineOptions = {
  timeoutMs: 15_000,
  pullIntervalMs: 30_000,
  linkBackoff: { initialMs: 1_000, maxMs: 10_000 },
  itemBackoff: { initialMs: 5_000, maxMs: 300_000 },
  random: Math.random,
  connectorFor: (s, timeoutMs) =>
    createRedmineConnector({ url: s.url, apiKey: s.apiKey, project: s.project, mapping: s.mapping, transport: { caFilePath: s.caFilePath, proxyUrl: s.proxyUrl, timeoutMs } }),
};

export interface SyncEngine {
  /** Something was journaled: look for due items now (while the link is down, the backoff's timer decides). */
  wake(): void;
  /** The settings were saved or a parked item released: try at once, from a fresh connection. */
  retryNow(): void;
  status(): Promise<SyncStatus>;
  ticketOf(incidentId: string): Promise<SyncTicket>;
  /** A link to a ticket in the ticket system's web UI (null until the settings are read). */
  ticketUrl(ticketId: number): string | null;
  stop(): Promise<void>;
}

/** Keeps the last emit at most this often while a backlog drains (the header's progress), and always at a cycle's end. */
const emitEveryMs = 250;
/** Items marked `checking` in one commit (one per incident: each incident's queue goes in order). */
const batch = 50;
/** While a batch is pushed, what is upstream is written down at most this often (the header's count follows). */
const commitEveryMs = 500;
/** Journal appends within this long wake the engine once (a push still starts well within seconds). */
const wakeCoalesceMs = 200;

/** `autoRun` false: the engine answers status and ticket questions but never calls the upstream (tests of other features). */
export function startSyncEngine(ctx: CoreContext, secrets: SecretBox, overrides: Partial<SyncEngineOptions> = {}, autoRun = true): SyncEngine {
  const options = { ...defaultSyncEngineOptions, ...overrides };
  let state: SyncLinkState = 'offline';
  let offlineSince: number | null = null;
  let lastError: AppErrorData | null = null;
  let lastSuccessAt: number | null = null;
  let nextAttemptAt: number | null = null;
  let draining: { done: number; total: number } | null = null;
  let linkFailures = 0;
  let connector: TicketConnector | null = null;
  let connectedFor: number | null = null;
  let settings: OpenedSyncSettings | null = null;
  let nextPullAt = 0;
  let running: Promise<void> | null = null;
  let wakeRequested = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let wakeTimer: NodeJS.Timeout | null = null;
  let lastEmit = 0;
  let lastEmitted = '';
  /** Bumped by every settings save or release of parked items: work begun before it stops and starts over. */
  let generation = 0;

  function ticketUrl(ticketId: number): string | null {
    return settings ? options.connectorFor(settings, options.timeoutMs).ticketUrl(ticketId) : null;
  }

  async function status(): Promise<SyncStatus> {
    const counts = await queueCounts(ctx.db);
    return { state, offlineSince: state === 'offline' ? offlineSince : null, lastError, ...counts, lastSuccessAt, draining, nextAttemptAt };
  }

  async function emitStatus(force: boolean): Promise<void> {
    const now = ctx.clock.now();
    if (!force && now - lastEmit < emitEveryMs) return;
    lastEmit = now;
    const current = await status();
    // Most journal appends (alarms, assets) change nothing here: the pages hear only real changes.
    const text = JSON.stringify(current);
    if (text === lastEmitted) return;
    lastEmitted = text;
    ctx.emit('sync.changed', current);
  }

  function setLink(next: SyncLinkState, error: AppErrorData | null): void {
    if (next === 'offline' && state !== 'offline') offlineSince = ctx.clock.now();
    if (next === 'offline' && offlineSince === null) offlineSince = ctx.clock.now();
    if (next !== 'offline') offlineSince = null;
    state = next;
    lastError = error;
  }

  function linkDown(kind: 'offline' | 'key_refused', error: AppErrorData): void {
    setLink(kind, error);
    linkFailures += 1;
    nextAttemptAt = ctx.clock.now() + jitteredDelay(options.linkBackoff, linkFailures, options.random);
    // Resolve the mapping again when it comes back: the service center may have changed it meanwhile.
    connectedFor = null;
  }

  /** Connects (resolving the mapping) when not yet connected for these settings; false when the link is down. */
  async function ensureConnected(): Promise<boolean> {
    const began = generation;
    const opened = await openSyncSettings(ctx.db, secrets);
    settings = opened;
    if (!opened) {
      setLink('not_configured', null);
      return false;
    }
    if (!opened.enabled) {
      setLink('disabled', null);
      return false;
    }
    if (connector && connectedFor === opened.updatedAt) return true;
    if (nextAttemptAt !== null && ctx.clock.now() < nextAttemptAt) return false;
    connector = options.connectorFor(opened, options.timeoutMs);
    try {
      await connector.connect();
    } catch (err) {
      const error = toErrorData(err);
      if (error.code === 'sync_key_refused' || error.code === 'sync_forbidden') linkDown('key_refused', error);
      else if (error.code === 'sync_project_missing' || error.code === 'sync_mapping_missing') {
        // The upstream answers but cannot take tickets as mapped: an administrator must fix it; try again slowly.
        setLink('connected', error);
        linkFailures += 1;
        nextAttemptAt = ctx.clock.now() + jitteredDelay(options.itemBackoff, linkFailures, options.random);
      } else linkDown('offline', error);
      return false;
    }
    if (began !== generation) return false;
    connectedFor = opened.updatedAt;
    linkFailures = 0;
    nextAttemptAt = null;
    setLink('connected', null);
    nextPullAt = 0;
    return true;
  }

  /** Once their done marks are committed, the records' pages hear that they are upstream. */
  function announce(marks: DoneMark[]): void {
    for (const { item } of marks) emitRecordUpstream(ctx, item);
  }

  async function push(active: TicketConnector, site: string): Promise<void> {
    const began = generation;
    let done: DoneMark[] = [];
    let heads = await takeBatch(ctx.db, done, ctx.clock.now(), batch);
    if (heads.length === 0) return;
    const counts = await queueCounts(ctx.db);
    draining = counts.waiting > 1 ? { done: 0, total: counts.waiting } : null;
    // The journal's head, written down outside the database with each push, travels in every note's marker.
    const head = await writeJournalCheckpoint(ctx, 'upstream');
    let committedAt = ctx.clock.now();
    /** Writes down what is upstream so far, and puts back what was marked for sending but never sent. */
    const settle = async (unsent: ItemRow[]) => {
      const marks = done;
      done = [];
      committedAt = ctx.clock.now();
      await commitDone(ctx.db, marks, unsent);
      announce(marks);
    };
    while (heads.length > 0 && !stopped) {
      const entries = await entriesOf(
        ctx.db,
        heads.map((h) => h.entry_seq),
      );
      const tickets = await ticketIdsOf(ctx.db, heads);
      const pushContext = { siteName: site, head, itemBackoff: options.itemBackoff, random: options.random, entries, tickets };
      for (const [index, item] of heads.entries()) {
        // Settings saved meanwhile (a fixed site name, another key): the next cycle goes on with them.
        if (stopped || began !== generation) return settle(heads.slice(index));
        const outcome = await pushItem(ctx, active, item, pushContext);
        if (outcome.kind === 'done') {
          done.push({ item, at: ctx.clock.now(), ticketId: outcome.ticketId });
          lastSuccessAt = ctx.clock.now();
          if (draining) draining = { done: draining.done + 1, total: Math.max(draining.total, draining.done + 1) };
        } else if (outcome.kind === 'link_down' || outcome.kind === 'key_refused') {
          await settle(heads.slice(index + 1));
          linkDown(outcome.kind === 'link_down' ? 'offline' : 'key_refused', outcome.error);
          return;
        }
        if (done.length > 0 && ctx.clock.now() - committedAt >= commitEveryMs) await settle([]);
        await emitStatus(false);
        // Between calls, whatever else waits for the database or the event loop (a guard's list) goes first.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const marks = done;
      done = [];
      heads = await takeBatch(ctx.db, marks, ctx.clock.now(), batch);
      announce(marks);
      committedAt = ctx.clock.now();
    }
    // Stopped after a batch was taken: its items were never sent.
    await settle(stopped ? heads : []);
  }

  async function cycle(): Promise<void> {
    try {
      if (!(await ensureConnected()) || !connector || !settings) return;
      await push(connector, settings.siteName);
      if (state === 'connected' && ctx.clock.now() >= nextPullAt && !stopped) {
        nextPullAt = ctx.clock.now() + options.pullIntervalMs;
        const pulled = await pullChanges(ctx, connector, settings).catch((err: unknown) => err);
        // Stopped meanwhile: the database may be closed under the pull; nothing to report.
        if (stopped) return;
        if (pulled instanceof Error) {
          const failure = toErrorData(pulled);
          if (failure.code === 'sync_key_refused') linkDown('key_refused', failure);
          else if (['sync_unreachable', 'sync_timeout', 'sync_connection_lost', 'sync_tls_failed', 'sync_proxy_failed'].includes(failure.code)) linkDown('offline', failure);
          else lastError = failure;
        }
      }
    } catch (err) {
      if (!stopped) lastError = toErrorData(err);
    } finally {
      draining = null;
    }
  }

  async function nextDelay(): Promise<number> {
    const now = ctx.clock.now();
    const candidates = [options.pullIntervalMs];
    if (nextAttemptAt !== null) candidates.push(nextAttemptAt - now);
    const itemAt = await nextItemAttemptAt(ctx.db);
    if (itemAt !== null) candidates.push(itemAt - now);
    if (state === 'connected') candidates.push(nextPullAt - now);
    return Math.max(50, Math.min(...candidates));
  }

  function schedule(delay: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, delay);
    timer.unref();
  }

  function run(): void {
    if (stopped || !autoRun) return;
    if (running) {
      wakeRequested = true;
      return;
    }
    running = (async () => {
      do {
        wakeRequested = false;
        await cycle();
      } while (wakeRequested && !stopped);
      if (stopped) return;
      await emitStatus(true);
      schedule(await nextDelay());
    })()
      .catch((err: unknown) => {
        if (!stopped) console.error('[core] sync failed:', toErrorData(err));
      })
      .finally(() => {
        running = null;
        // A wake that came while the last cycle was finishing is not lost.
        if (wakeRequested) run();
      });
  }

  schedule(0);
  return {
    wake: () => {
      // Every journal append wakes the engine: an alarm burst appends thousands in a second. Wakes within
      // wakeCoalesceMs make one, so the engine's reads do not compete with the alarm commits.
      if (wakeTimer || stopped) return;
      wakeTimer = setTimeout(() => {
        wakeTimer = null;
        if (stopped) return;
        // A wake while down does not shorten the backoff; it only counts the new item.
        if (state === 'offline' || state === 'key_refused') void emitStatus(false).catch(() => undefined);
        else run();
      }, wakeCoalesceMs);
      wakeTimer.unref();
    },
    retryNow: () => {
      generation += 1;
      nextAttemptAt = null;
      linkFailures = 0;
      connectedFor = null;
      run();
    },
    status,
    async ticketOf(incidentId) {
      const { state: ticketState, ticketId, url } = await recordTicketOf(ctx.db, 'incident', incidentId, ticketUrl);
      return { incidentId, state: ticketState, ticketId, url };
    },
    ticketUrl,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (wakeTimer) clearTimeout(wakeTimer);
      // A call under way may wait for its timeout; the database may close beside it (the item stays `checking`).
      await Promise.race([running, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    },
  };
}
