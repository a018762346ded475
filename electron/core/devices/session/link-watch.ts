// Link supervision: when the device was last heard, and the link condition raised after too long a silence.

import type { DetailValue, DeviceAlarm, LocalText } from '../driver-session';
import type { ConditionStates } from './condition-states';

export type LinkState = 'raised' | 'restored';

export type LinkAlarm = (state: LinkState, at: number, detail: Record<string, DetailValue>) => DeviceAlarm;

/** The usual link alarm: `link.lost`, major, on `conditionKey`, in the driver's words for the device. */
export function linkLostAlarm(conditionKey: string, text: { lost: LocalText; restored: LocalText }): LinkAlarm {
  return (state, at, detail) => ({
    conditionKey,
    state,
    eventCode: 'link.lost',
    severity: 'major',
    text: state === 'raised' ? text.lost : text.restored,
    point: '',
    at,
    detail,
  });
}

export interface LinkWatchOptions {
  conditions: ConditionStates;
  /** The driver's link alarm in either state (its condition key, text and detail). */
  alarm: LinkAlarm;
  now: () => number;
  /** Silence for this long loses the link. */
  lostAfterMs: number;
  /** The clock silence is measured on; `now` unless given (a monotonic one where `now` may jump). */
  clock?: () => number;
}

export interface LinkWatch {
  /** Raised by this session, or left raised by an earlier one and not yet restored. */
  readonly lost: boolean;
  /** Something valid came from the device: the silence starts again from here. */
  heard(): void;
  silentForMs(): number;
  /** Loses the link when the silence has lasted `lostAfterMs`; the detail carries `silentForMs` and `extra`. */
  checkSilence(extra?: Record<string, DetailValue>): Promise<void>;
  /** Commits the link's loss (at `at`, else now) unless it is lost already; false when the commit was rejected (tried again later). */
  lose(detail: Record<string, DetailValue>, at?: number): Promise<boolean>;
  /** Commits the link's restore if it is lost; false when the commit was rejected. */
  restore(detail?: Record<string, DetailValue>, at?: number): Promise<boolean>;
  /**
   * Calls `onSilent` once the silence reaches `lostAfterMs`, with one timer however much comes meanwhile (a burst
   * would otherwise set and clear thousands); `heard()` after that arms it again. Starts the silence now.
   */
  watchSilence(onSilent: () => void): void;
  /** Arms the silence timer again if it is not running (after a loss that could not be committed). */
  rewatch(): void;
  /** Ends the silence timer. */
  stopWatching(): void;
}

export function createLinkWatch(options: LinkWatchOptions): LinkWatch {
  const { conditions, now, lostAfterMs } = options;
  const clock = options.clock ?? now;
  const conditionKey = options.alarm('raised', 0, {}).conditionKey;
  let heardAt = clock();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onSilent: (() => void) | undefined;

  const arm = (delayMs = lostAfterMs): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      // Fired early because something came meanwhile: wait out the rest of the silence from then.
      const left = lostAfterMs - (clock() - heardAt);
      if (left > 0) return arm(left);
      onSilent?.();
    }, delayMs);
  };

  const watch: LinkWatch = {
    get lost() {
      return conditions.isRaised(conditionKey);
    },
    heard() {
      heardAt = clock();
      if (onSilent && !timer) arm();
    },
    silentForMs: () => clock() - heardAt,
    async checkSilence(extra = {}) {
      const silentForMs = watch.silentForMs();
      if (watch.lost || silentForMs < lostAfterMs) return;
      await watch.lose({ silentForMs, ...extra });
    },
    lose: (detail, at = now()) => conditions.apply(options.alarm('raised', at, detail)),
    restore: (detail = {}, at = now()) => (watch.lost ? conditions.apply(options.alarm('restored', at, detail)) : Promise.resolve(true)),
    watchSilence(callback) {
      onSilent = callback;
      heardAt = clock();
      arm();
    },
    rewatch() {
      if (onSilent && !timer) arm();
    },
    stopWatching() {
      onSilent = undefined;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
  return watch;
}
