// Folds raw readings into one-minute aggregates and those into hourly ones, and prunes each level past its retention.
import { sql } from 'kysely';
import { historyRetentionMs } from '../../../shared/domain/readings/history-resolution';
import type { Db } from '../db/database';

const minuteMs = 60_000;
const hourMs = 3_600_000;

/**
 * Raw readings are written within a second or two of their time (the recorder's batch); a minute is folded only once
 * this long has passed after its end, so none of its readings is still on its way.
 */
export const rollupLagMs = 30_000;
/** Periods folded per transaction: a console back after days catches up in short transactions, never one long lock. */
const minutesPerTransaction = 60;
const hoursPerTransaction = 24;
/** Rows deleted per transaction when pruning. */
const prunePerTransaction = 5_000;

export interface RollupOutcome {
  minutesDoneUntil: number | null;
  hoursDoneUntil: number | null;
  pruned: { raw: number; minute: number; hour: number };
}

const floorTo = (t: number, step: number): number => Math.floor(t / step) * step;

async function doneUntil(db: Db, level: 'minute' | 'hour'): Promise<number | null> {
  return (await db.selectFrom('reading_rollup').select('done_until').where('level', '=', level).executeTakeFirst())?.done_until ?? null;
}

/** Where a level starts when it has never run: the first period of what it folds, or nothing to do yet. */
async function firstPeriod(db: Db, level: 'minute' | 'hour'): Promise<number | null> {
  const row =
    level === 'minute'
      ? await db.selectFrom('reading_raw').select((eb) => eb.fn.min('at').as('first')).executeTakeFirst()
      : await db.selectFrom('reading_minute').select((eb) => eb.fn.min('start').as('first')).executeTakeFirst();
  const first = row?.first ?? null;
  return first === null ? null : floorTo(Number(first), level === 'minute' ? minuteMs : hourMs);
}

/** The first time at or after `from` in the table a level folds: one seek of the primary key per series. */
async function firstTimeFrom(db: Db, level: 'minute' | 'hour', from: number): Promise<number | null> {
  const query =
    level === 'minute'
      ? sql<{ first: number | null }>`select min((select at from reading_raw where series_id = s.id and at >= ${from} order by at limit 1)) as first from reading_series s`
      : sql<{ first: number | null }>`select min((select start from reading_minute where series_id = s.id and start >= ${from} order by start limit 1)) as first from reading_series s`;
  return (await query.execute(db)).rows[0]?.first ?? null;
}

/**
 * Folds whole periods from `done_until` up to `target`, a chunk per transaction; each transaction writes its
 * aggregates and moves `done_until` together, so a stop at any point leaves either both or neither.
 */
async function foldLevel(db: Db, level: 'minute' | 'hour', target: number): Promise<number | null> {
  const step = level === 'minute' ? minuteMs : hourMs;
  const chunk = step * (level === 'minute' ? minutesPerTransaction : hoursPerTransaction);
  const begin = (await doneUntil(db, level)) ?? (await firstPeriod(db, level));
  if (begin === null) return null;
  let from: number = begin;
  while (from < target) {
    // Over a stretch with nothing to fold (the console was off) it jumps to the next row instead of walking it.
    const next = await firstTimeFrom(db, level, from);
    const start: number = next === null ? target : Math.min(target, Math.max(from, floorTo(next, step)));
    const to: number = start >= target ? target : Math.min(target, start + chunk);
    await db.transaction().execute(async (trx) => {
      if (level === 'minute') {
        await sql`insert or replace into reading_minute (series_id, start, min, mean, max, count)
          select series_id, at - (at % ${minuteMs}), min(value), avg(value), max(value), count(*)
          from reading_raw
          where series_id in (select id from reading_series) and at >= ${start} and at < ${to}
          group by series_id, at - (at % ${minuteMs})`.execute(trx);
      } else {
        await sql`insert or replace into reading_hour (series_id, start, min, mean, max, count)
          select series_id, start - (start % ${hourMs}), min(min), sum(mean * count) / sum(count), max(max), sum(count)
          from reading_minute
          where series_id in (select id from reading_series) and start >= ${start} and start < ${to}
          group by series_id, start - (start % ${hourMs})`.execute(trx);
      }
      await trx
        .insertInto('reading_rollup')
        .values({ level, done_until: to })
        .onConflict((oc) => oc.column('level').doUpdateSet({ done_until: to }))
        .execute();
    });
    from = to;
  }
  return from;
}

/** Deletes rows older than `cutoff` in short transactions; returns how many. */
async function pruneTable(db: Db, table: 'reading_raw' | 'reading_minute' | 'reading_hour', cutoff: number): Promise<number> {
  const time = sql.ref(table === 'reading_raw' ? 'at' : 'start');
  let total = 0;
  for (;;) {
    // A raw statement reports no count through the driver: changes() is read in the same transaction, on its connection.
    const deleted = await db.transaction().execute(async (trx) => {
      await sql`delete from ${sql.table(table)} where (series_id, ${time}) in (
          select series_id, ${time} from ${sql.table(table)}
          where series_id in (select id from reading_series) and ${time} < ${cutoff} limit ${prunePerTransaction})`.execute(trx);
      return Number((await sql<{ n: number }>`select changes() as n`.execute(trx)).rows[0]?.n ?? 0);
    });
    total += deleted;
    if (deleted < prunePerTransaction) return total;
  }
}

/**
 * One pass: minutes ended at least `rollupLagMs` ago, the hours whose minutes are all folded, then pruning. A level is
 * pruned only up to what the next one has folded: nothing leaves the file before its aggregate is in.
 */
export async function rollUpReadings(db: Db, now: number): Promise<RollupOutcome> {
  const minutesDoneUntil = await foldLevel(db, 'minute', floorTo(now - rollupLagMs, minuteMs));
  const hoursDoneUntil = minutesDoneUntil === null ? null : await foldLevel(db, 'hour', floorTo(minutesDoneUntil, hourMs));
  const rawCutoff = Math.min(now - historyRetentionMs.raw, minutesDoneUntil ?? 0);
  const minuteCutoff = Math.min(now - historyRetentionMs.minute, hoursDoneUntil ?? 0);
  const pruned = {
    raw: await pruneTable(db, 'reading_raw', rawCutoff),
    minute: await pruneTable(db, 'reading_minute', minuteCutoff),
    hour: await pruneTable(db, 'reading_hour', now - historyRetentionMs.hour),
  };
  return { minutesDoneUntil, hoursDoneUntil, pruned };
}
