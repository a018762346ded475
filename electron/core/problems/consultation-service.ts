// Consultations (咨询类问题): recorded once, answered on the spot, closed by the one who answered.
import { sql } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import type { MethodArgs } from '../../../shared/contract';
import type { Consultation, ConsultationChannel } from '../../../shared/contract/problems';
import type { CallContext, CoreContext } from '../context';
import type { Db, Trx } from '../db/database';
import { inTransaction, type NewEntry } from '../journal/service';
import type { ConsultationTable } from './schema';

type Journal = (entry: NewEntry) => Promise<void>;

export interface ConsultationFields {
  askedBy: string;
  channel: ConsultationChannel;
  question: string;
  answer: string;
  answeredBy: string;
  answeredAt?: number;
  systemId: string;
}

export function toConsultation(r: Omit<ConsultationTable, 'seq'>): Consultation {
  return {
    id: r.id,
    number: r.number,
    askedBy: r.asked_by,
    channel: r.channel,
    question: r.question,
    answer: r.answer,
    answeredBy: r.answered_by,
    answeredAt: r.answered_at,
    systemId: r.system_id,
    defectId: r.defect_id,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  };
}

export async function requireSystem(trx: Db | Trx, systemId: string): Promise<void> {
  const system = await trx.selectFrom('catalog_system').select('id').where('id', '=', systemId).executeTakeFirst();
  if (!system) throw new AppError('catalog_unknown_system', 'catalog_unknown_system', { systemId });
}

/** Inserts a consultation inside the caller's transaction (a defect's conversion makes one too). */
export async function insertConsultation(
  ctx: CoreContext,
  trx: Trx,
  journal: Journal,
  fields: ConsultationFields,
  operator: string,
  defectId: string | null,
): Promise<Consultation> {
  await requireSystem(trx, fields.systemId);
  const now = ctx.clock.now();
  const count = await trx.selectFrom('consultation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const row: Omit<ConsultationTable, 'seq'> = {
    id: ctx.newId(),
    number: `ZX-${String(Number(count.n) + 1).padStart(5, '0')}`,
    asked_by: fields.askedBy,
    channel: fields.channel,
    question: fields.question,
    answer: fields.answer,
    answered_by: fields.answeredBy,
    answered_at: fields.answeredAt ?? now,
    system_id: fields.systemId,
    defect_id: defectId,
    recorded_by: operator,
    recorded_at: now,
  };
  await trx.insertInto('consultation').values(row).execute();
  const consultation = toConsultation(row);
  await journal({ type: 'consultation.recorded', entityType: 'consultation', entityId: consultation.id, payload: consultation, operator });
  return consultation;
}

export async function recordConsultation(ctx: CoreContext, call: CallContext, args: MethodArgs<'consultations.record'>): Promise<Consultation> {
  const consultation = await inTransaction(ctx, (trx, journal) => insertConsultation(ctx, trx, journal, args, call.operator, null));
  ctx.emit('problems.changed', { ids: [consultation.id] });
  return consultation;
}

export async function findConsultation(db: Db | Trx, id: string): Promise<Consultation | null> {
  const row = await db.selectFrom('consultation').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toConsultation(row) : null;
}

export async function getConsultation(db: Db, id: string): Promise<Consultation> {
  const found = await findConsultation(db, id);
  if (!found) throw new AppError('consultation_not_found', 'consultation_not_found', { id });
  return found;
}

/** Newest first; `q` matches the number, who asked, the question, the answer or who answered. */
export async function listConsultations(db: Db, args: MethodArgs<'consultations.list'>): Promise<Consultation[]> {
  let query = db.selectFrom('consultation').selectAll().orderBy('seq', 'desc').limit(args.limit);
  if (args.q) {
    const q = args.q.toLowerCase();
    query = query.where(sql<boolean>`instr(lower(number || ' ' || asked_by || ' ' || question || ' ' || answer || ' ' || answered_by), ${q}) > 0`);
  }
  return (await query.execute()).map(toConsultation);
}
