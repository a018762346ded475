// The duty log and shift handover: entries, the outgoing guard's summary with the open incidents, the incoming guard's confirmation.
import { openIncidentStates } from '../../../shared/domain/incidents/incident-lifecycle';
import type { Selectable } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import type { DutyLogEntry, HandoverDraft, HandoverIncident, ShiftHandover, ShiftHandoverListItem } from '../../../shared/contract/duty';
import type { MethodArgs } from '../../../shared/contract';
import { milestoneKinds, slaMilestones } from '../../../shared/domain/incidents/sla-clock';
import type { CallContext, CoreContext } from '../context';
import type { Db, Trx } from '../db/database';
import { loadTimelines } from '../incidents/incident-rows';
import { journalHead } from '../journal/chain-rows';
import { writeJournalCheckpoint } from '../journal/journal-checkpoints';
import { inTransaction } from '../journal/service';
import { hasOperators } from '../operators/operator-service';
import type { AccessState } from '../operators/access-state';
import { checkHandoverCredentials } from '../operators/caller-password-checks';
import type { DutyLogEntryTable, ShiftHandoverTable } from './schema';

type EntryRow = Selectable<DutyLogEntryTable>;
type HandoverRow = Selectable<ShiftHandoverTable>;

function toEntry(r: EntryRow): DutyLogEntry {
  return { id: r.id, kind: r.kind, at: r.at, text: r.text, operator: r.operator, handoverId: r.handover_id, createdAt: r.created_at };
}

function toHandover(r: HandoverRow, entries: DutyLogEntry[]): ShiftHandover {
  return {
    id: r.id,
    outgoingOperator: r.outgoing_operator,
    summary: r.summary,
    notes: r.notes,
    openIncidents: JSON.parse(r.open_incidents) as HandoverIncident[],
    entries,
    createdAt: r.created_at,
    incomingOperator: r.incoming_operator,
    confirmedAt: r.confirmed_at,
    journalHead: r.journal_seq === null || r.journal_hash === null ? null : { seq: r.journal_seq, hash: r.journal_hash },
  };
}

export async function addEntry(ctx: CoreContext, call: CallContext, args: MethodArgs<'duty.add'>): Promise<DutyLogEntry> {
  const now = ctx.clock.now();
  const row: EntryRow = {
    seq: 0,
    id: ctx.newId(),
    kind: args.kind,
    at: args.at ?? now,
    text: args.text,
    operator: call.operator,
    handover_id: null,
    created_at: now,
  };
  return inTransaction(ctx, async (trx, journal) => {
    const { seq: _seq, ...values } = row;
    await trx.insertInto('duty_log_entry').values(values).execute();
    const entry = toEntry(row);
    await journal({ type: 'duty.entry_added', entityType: 'duty', entityId: entry.id, payload: { kind: entry.kind, at: entry.at, text: entry.text }, operator: call.operator });
    return entry;
  });
}

export async function listEntries(db: Db, args: MethodArgs<'duty.list'>): Promise<DutyLogEntry[]> {
  const rows = await db
    .selectFrom('duty_log_entry')
    .selectAll()
    .where('at', '>=', args.from)
    .where('at', '<', args.to)
    .orderBy('at')
    .orderBy('seq')
    .limit(args.limit)
    .execute();
  return rows.map(toEntry);
}

/** The entries of the shift still open: written after the last handover. */
async function openShiftEntries(db: Db | Trx): Promise<DutyLogEntry[]> {
  const rows = await db.selectFrom('duty_log_entry').selectAll().where('handover_id', 'is', null).orderBy('at').orderBy('seq').execute();
  return rows.map(toEntry);
}

/** Every incident not closed, most urgent first as the duty room sees them, with the milestones already overdue. */
async function openIncidents(db: Db | Trx, now: number): Promise<HandoverIncident[]> {
  const rows = await db
    .selectFrom('incident')
    .select(['id', 'number', 'level', 'state', 'title', 'reported_at'])
    .where('state', 'in', openIncidentStates)
    .orderBy('reported_at')
    .execute();
  const timelines = await loadTimelines(db, rows.map((r) => r.id));
  const levelRank = { I: 0, II: 1, III: 2, IV: 3 } as const;
  return rows
    .map((r) => {
      const clocks = slaMilestones(timelines.get(r.id) ?? [], now);
      return {
        id: r.id,
        number: r.number,
        level: r.level,
        state: r.state,
        title: r.title,
        reportedAt: r.reported_at,
        overdue: milestoneKinds.filter((k) => clocks.milestones[k].state === 'overdue'),
      };
    })
    .sort((a, b) => b.overdue.length - a.overdue.length || levelRank[a.level] - levelRank[b.level] || a.reportedAt - b.reportedAt);
}

async function lastHandover(db: Db | Trx): Promise<HandoverRow | undefined> {
  return db.selectFrom('shift_handover').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

export async function handoverDraft(ctx: CoreContext): Promise<HandoverDraft> {
  const now = ctx.clock.now();
  const [incidents, entries, last] = await Promise.all([openIncidents(ctx.db, now), openShiftEntries(ctx.db), lastHandover(ctx.db)]);
  return { asOf: now, openIncidents: incidents, entriesSinceLastHandover: entries, since: last?.created_at ?? null };
}

/**
 * The outgoing guard's summary closes the shift: the open incidents are frozen into it and the shift's entries are
 * stamped with it. One handover waits for its confirmation at a time. The journal's head goes on the handover (and
 * so on the printed sheet) and into the checkpoint file: paper and a file outside the database both remember it.
 */
export async function submitHandover(ctx: CoreContext, call: CallContext, args: MethodArgs<'duty.handoverSubmit'>): Promise<ShiftHandover> {
  const now = ctx.clock.now();
  const handover = await inTransaction(ctx, async (trx, journal) => {
    const pending = await trx.selectFrom('shift_handover').select('id').where('confirmed_at', 'is', null).executeTakeFirst();
    if (pending) throw new AppError('duty_handover_pending', 'duty_handover_pending', { id: pending.id });
    const incidents = await openIncidents(trx, now);
    const entries = await openShiftEntries(trx);
    const id = ctx.newId();
    const head = await journalHead(trx);
    await trx
      .insertInto('shift_handover')
      .values({
        id,
        outgoing_operator: call.operator,
        summary: args.summary,
        notes: args.notes,
        open_incidents: JSON.stringify(incidents),
        created_at: now,
        incoming_operator: null,
        confirmed_at: null,
        journal_seq: head.seq,
        journal_hash: head.hash,
      })
      .execute();
    await trx.updateTable('duty_log_entry').set({ handover_id: id }).where('handover_id', 'is', null).execute();
    await journal({
      type: 'duty.handover_submitted',
      entityType: 'duty',
      entityId: id,
      payload: { summary: args.summary, notes: args.notes, openIncidents: incidents.map((i) => i.number), entries: entries.length },
      operator: call.operator,
    });
    const row = await requireHandover(trx, id);
    return toHandover(row, entries.map((e) => ({ ...e, handoverId: id })));
  });
  await writeJournalCheckpoint(ctx, 'handover');
  return handover;
}

/**
 * Who takes the shift: the incoming guard's own name and password. Wrong ones count against the caller, never the
 * named guard (operators/caller-password-checks.ts). A console with no operators yet (the local administrator)
 * takes the caller.
 */
async function incomingOperator(ctx: CoreContext, access: AccessState, call: CallContext, args: MethodArgs<'duty.handoverConfirm'>): Promise<string> {
  if (!(await hasOperators(ctx.db))) return call.operator;
  if (!args.name || !args.password) throw new AppError('duty_handover_credentials_required', 'duty_handover_credentials_required');
  return (await checkHandoverCredentials(ctx, access, call, args.name, args.password)).name;
}

/** The incoming guard takes the shift; the outgoing guard cannot confirm their own handover. */
export async function confirmHandover(ctx: CoreContext, access: AccessState, call: CallContext, args: MethodArgs<'duty.handoverConfirm'>): Promise<ShiftHandover> {
  await requireHandover(ctx.db, args.id);
  const incoming = await incomingOperator(ctx, access, call, args);
  const now = ctx.clock.now();
  const handover = await inTransaction(ctx, async (trx, journal) => {
    const row = await requireHandover(trx, args.id);
    if (row.confirmed_at !== null) throw new AppError('duty_handover_already_confirmed', 'duty_handover_already_confirmed', { id: row.id });
    if ((await hasOperators(trx)) && row.outgoing_operator.toLowerCase() === incoming.toLowerCase()) {
      throw new AppError('duty_handover_same_operator', 'duty_handover_same_operator', { name: incoming });
    }
    await trx.updateTable('shift_handover').set({ incoming_operator: incoming, confirmed_at: now }).where('id', '=', row.id).execute();
    await journal({ type: 'duty.handover_confirmed', entityType: 'duty', entityId: row.id, payload: { outgoing: row.outgoing_operator, incoming }, operator: incoming });
    return row.id;
  });
  await writeJournalCheckpoint(ctx, 'handover');
  return getHandover(ctx.db, handover);
}

async function requireHandover(db: Db | Trx, id: string): Promise<HandoverRow> {
  const row = await db.selectFrom('shift_handover').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('duty_handover_not_found', 'duty_handover_not_found', { id });
  return row;
}

export async function getHandover(db: Db, id: string): Promise<ShiftHandover> {
  const row = await requireHandover(db, id);
  const entries = await db.selectFrom('duty_log_entry').selectAll().where('handover_id', '=', id).orderBy('at').orderBy('seq').execute();
  return toHandover(row, entries.map(toEntry));
}

export async function listHandovers(db: Db, args: MethodArgs<'duty.handovers'>): Promise<ShiftHandoverListItem[]> {
  const rows = await db.selectFrom('shift_handover').selectAll().orderBy('seq', 'desc').limit(args.limit).execute();
  const counts = await db
    .selectFrom('duty_log_entry')
    .select(['handover_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('handover_id', 'in', rows.length > 0 ? rows.map((r) => r.id) : [''])
    .groupBy('handover_id')
    .execute();
  const byId = new Map(counts.map((c) => [c.handover_id, Number(c.n)]));
  return rows.map((r) => {
    const { openIncidents, entries: _entries, ...rest } = toHandover(r, []);
    return { ...rest, openIncidentCount: openIncidents.length, entryCount: byId.get(r.id) ?? 0 };
  });
}
