// Lock-out after repeated wrong passwords: every attempt is counted before its password is checked.
import { sql } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import type { Db } from '../db/database';

/** Wrong passwords in a row that lock, and for how long. */
export const maxFailedLogins = 5;
export const lockOutMs = 5 * 60_000;

/**
 * One attempt's place in the count. `counted`: the password may be checked; `failures` includes this attempt, and
 * `locks` is true when this attempt was the fifth, which has already locked (until `until`) so that attempts
 * arriving while it is checked are refused. `locked`: refused without checking anything.
 */
export type Reservation = { kind: 'counted'; failures: number; locks: boolean; until: number } | { kind: 'locked'; until: number };

/*
 * Why before: scrypt takes tens of milliseconds, so attempts overlap. Counted after the check, ten attempts kept in
 * flight each read "no lock yet", all got checked, and an in-flight failure wrote its count over a lock another had
 * set (489 passwords checked in 15 s). Counted first, atomically, the sixth attempt of a window sees the lock, and
 * a failure afterwards writes nothing: only a success (which proves the password) resets the count and the lock.
 */

/** Counts an attempt at an operator's password in one statement; the row's lock and count are its only state. */
export async function reserveLoginAttempt(db: Db, operatorId: string, now: number): Promise<Reservation> {
  const until = now + lockOutMs;
  const fifth = sql<boolean>`failed_logins + 1 >= ${maxFailedLogins}`;
  // A lock that has run out starts a new count (it was set with the count back at 0).
  const row = await db
    .updateTable('operator')
    .set({
      failed_logins: sql<number>`case when ${fifth} then 0 else failed_logins + 1 end`,
      locked_until: sql<number | null>`case when ${fifth} then ${until} else null end`,
    })
    .where('id', '=', operatorId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirst();
  if (row) return row.locked_until === null ? { kind: 'counted', failures: row.failed_logins, locks: false, until } : { kind: 'counted', failures: maxFailedLogins, locks: true, until };
  const current = await db.selectFrom('operator').select('locked_until').where('id', '=', operatorId).executeTakeFirst();
  return { kind: 'locked', until: current?.locked_until ?? until };
}

/**
 * The same count kept in memory, for what has no row of its own: names that match no operator (so that an unknown
 * name answers and locks exactly like a known one) and the password checks a signed-in operator makes (see
 * caller-password-checks.ts). Reserving is synchronous, hence atomic between overlapping attempts.
 */
export class AttemptCounter {
  private readonly entries = new Map<string, { failures: number; lockedUntil: number | null }>();

  /** Keeps memory bounded when someone tries name after name: the oldest counts are forgotten first. */
  constructor(private readonly capacity = 10_000) {}

  reserve(key: string, now: number): Reservation {
    const until = now + lockOutMs;
    const entry = this.entries.get(key) ?? { failures: 0, lockedUntil: null };
    if (entry.lockedUntil !== null && now < entry.lockedUntil) return { kind: 'locked', until: entry.lockedUntil };
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    if (entry.failures + 1 >= maxFailedLogins) {
      this.entries.set(key, { failures: 0, lockedUntil: until });
      return { kind: 'counted', failures: maxFailedLogins, locks: true, until };
    }
    this.entries.set(key, { failures: entry.failures + 1, lockedUntil: null });
    return { kind: 'counted', failures: entry.failures + 1, locks: false, until };
  }

  /** The password was right: the count starts again. */
  succeeded(key: string): void {
    this.entries.delete(key);
  }
}

export function lockedError(code: 'operator_locked' | 'password_checks_locked', until: number, now: number): AppError {
  return new AppError(code, code, { minutes: Math.max(1, Math.ceil((until - now) / 60_000)), until });
}
