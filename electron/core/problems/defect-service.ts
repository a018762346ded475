// System defects (系统缺陷类问题): submit, then each step checked against the role table and journaled on the
// defect, on the devices it names (their histories) and, when started from one, on the incident.
import type { MethodArgs } from '../../../shared/contract';
import { AppError } from '../../../shared/contract/app-error';
import type { Defect, DefectDetail, DefectStep } from '../../../shared/contract/problems';
import { availableDefectActions, canTakeDefectStep, type DefectAction, openDefectStates } from '../../../shared/domain/problems/defect-lifecycle';
import type { CallContext, CoreContext } from '../context';
import type { Db, Trx } from '../db/database';
import { callerRole } from '../incidents/caller-role';
import { requireDevices } from '../incidents/incident-devices';
import { requireIncident } from '../incidents/incident-rows';
import { inTransaction, type NewEntry } from '../journal/service';
import type { AccessState } from '../operators/access-state';
import { checkSignerPassword } from '../operators/caller-password-checks';
import { findConsultation, insertConsultation, requireSystem } from './consultation-service';
import { defectDevices, defectSteps, type DefectRow, requireDefect, toDefect } from './defect-rows';

type Journal = (entry: NewEntry) => Promise<void>;

async function insertStep(trx: Trx, defectId: string, step: DefectStep): Promise<void> {
  await trx.insertInto('defect_step').values({ defect_id: defectId, action: step.action, by: step.by, at: step.at, data: JSON.stringify(step.data) }).execute();
}

/** The step on the defect's own history, and on each of its devices' histories. */
async function journalStep(trx: Trx, journal: Journal, defect: DefectRow, type: string, payload: Record<string, unknown>, operator: string): Promise<void> {
  const about = { defectId: defect.id, number: defect.number, title: defect.title };
  await journal({ type, entityType: 'defect', entityId: defect.id, payload: { ...about, ...payload }, operator });
  const devices = await trx.selectFrom('defect_device').select('device_id').where('defect_id', '=', defect.id).execute();
  for (const d of devices) await journal({ type, entityType: 'device', entityId: d.device_id, payload: { ...about, ...payload }, operator });
}

export async function submitDefect(ctx: CoreContext, call: CallContext, args: MethodArgs<'defects.submit'>): Promise<Defect> {
  const defect = await inTransaction(ctx, async (trx, journal) => {
    await requireSystem(trx, args.systemId);
    const incident = args.incidentId ? await requireIncident(trx, args.incidentId) : null;
    const fromIncident = incident
      ? (await trx.selectFrom('incident_device').select('device_id').where('incident_id', '=', incident.id).execute()).map((r) => r.device_id)
      : [];
    const devices = await requireDevices(trx, [...fromIncident, ...args.deviceIds]);
    const now = ctx.clock.now();
    const count = await trx.selectFrom('defect').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const row: DefectRow = {
      seq: 0,
      id: ctx.newId(),
      number: `QX-${String(Number(count.n) + 1).padStart(5, '0')}`,
      state: 'submitted',
      title: args.title,
      description: args.description,
      submitter: args.submitter,
      system_id: incident && args.systemId === 'unclassified' ? incident.system_id : args.systemId,
      incident_id: incident?.id ?? null,
      consultation_id: null,
      upstream: 'none',
      submitted_by: call.operator,
      submitted_at: now,
      updated_at: now,
    };
    const { seq: _seq, ...values } = row;
    await trx.insertInto('defect').values(values).execute();
    for (const d of devices) await trx.insertInto('defect_device').values({ defect_id: row.id, device_id: d.id, linked_at: now }).execute();
    await insertStep(trx, row.id, { action: 'submit', by: call.operator, at: now, data: { submitter: args.submitter } });
    const payload = { description: args.description, submitter: args.submitter, systemId: row.system_id, incidentId: row.incident_id, deviceIds: devices.map((d) => d.id) };
    await journalStep(trx, journal, row, 'defect.submitted', payload, call.operator);
    if (incident) {
      await journal({
        type: 'incident.defect_started',
        entityType: 'incident',
        entityId: incident.id,
        payload: { number: incident.number, defectId: row.id, defectNumber: row.number, title: row.title },
        operator: call.operator,
      });
    }
    return toDefect(row);
  });
  ctx.emit('problems.changed', { ids: [defect.id] });
  return defect;
}

/** Re-reads the defect inside the transaction and checks the step against its state and the caller's role. */
async function checkedDefect(trx: Db | Trx, id: string, action: DefectAction, call: CallContext): Promise<{ row: DefectRow; next: DefectRow['state'] }> {
  const row = await requireDefect(trx, id);
  const allowed = canTakeDefectStep(row.state, action, callerRole(call));
  if (!allowed.ok) throw AppError.fromData(allowed.error);
  return { row, next: allowed.value };
}

/** The step's own fields, as they go on the form and in the journal. */
function stepData(args: MethodArgs<'defects.act'>): Record<string, unknown> {
  const { id: _id, action: _action, ...data } = args;
  return data;
}

export async function actOnDefect(ctx: CoreContext, call: CallContext, args: MethodArgs<'defects.act'>): Promise<Defect> {
  const defect = await inTransaction(ctx, async (trx, journal) => {
    const { row, next } = await checkedDefect(trx, args.id, args.action, call);
    const now = ctx.clock.now();
    const data = stepData(args);
    const changes: Partial<DefectRow> = { state: next, updated_at: now };
    if (args.action === 'convert') {
      const consultation = await insertConsultation(
        ctx,
        trx,
        journal,
        { askedBy: args.askedBy, channel: args.channel, question: `${row.title}\n${row.description}`, answer: args.answer, answeredBy: args.answeredBy, answeredAt: args.answeredAt, systemId: row.system_id },
        call.operator,
        row.id,
      );
      changes.consultation_id = consultation.id;
      data.classification = 'operation';
      data.consultationId = consultation.id;
      data.consultationNumber = consultation.number;
    }
    // 问题记录规范 (4): reported to the service center; the upstream sync sends it once and marks it sent.
    if (args.action === 'report') changes.upstream = 'waiting_for_sync';
    await trx.updateTable('defect').set(changes).where('id', '=', row.id).execute();
    await insertStep(trx, row.id, { action: args.action, by: call.operator, at: now, data });
    const type = args.action === 'convert' ? 'defect.converted' : `defect.${pastTense[args.action]}`;
    await journalStep(trx, journal, row, type, { ...data, state: next }, call.operator);
    return toDefect({ ...row, ...changes });
  });
  ctx.emit('problems.changed', { ids: [defect.id] });
  return defect;
}

const pastTense: Record<DefectAction, string> = {
  analyse: 'analysed',
  convert: 'converted',
  propose: 'proposed',
  sign_off: 'signed_off',
  refuse: 'refused',
  implement: 'implemented',
  confirm: 'confirmed',
  report: 'reported',
  reply: 'replied',
};

/** 经主管领导签字同意: the role first (a refusal asks for no password), then the caller's password, then the step. */
export async function signOffDefect(ctx: CoreContext, access: AccessState, call: CallContext, args: MethodArgs<'defects.signOff'>): Promise<Defect> {
  await checkedDefect(ctx.db, args.id, 'sign_off', call);
  const signer = await checkSignerPassword(ctx, access, call, 'defect_sign_off', args.password);
  const defect = await inTransaction(ctx, async (trx, journal) => {
    const { row, next } = await checkedDefect(trx, args.id, 'sign_off', call);
    const now = ctx.clock.now();
    const data = { note: args.note, signer: signer.name, signerName: signer.display_name, passwordChecked: true };
    await trx.updateTable('defect').set({ state: next, updated_at: now }).where('id', '=', row.id).execute();
    await insertStep(trx, row.id, { action: 'sign_off', by: signer.name, at: now, data });
    await journalStep(trx, journal, row, 'defect.signed_off', { ...data, state: next }, signer.name);
    return toDefect({ ...row, state: next, updated_at: now });
  });
  ctx.emit('problems.changed', { ids: [defect.id] });
  return defect;
}

export async function getDefect(ctx: CoreContext, call: CallContext, id: string): Promise<DefectDetail> {
  const row = await requireDefect(ctx.db, id);
  return {
    defect: toDefect(row),
    steps: await defectSteps(ctx.db, id),
    devices: await defectDevices(ctx.db, id),
    consultation: row.consultation_id ? await findConsultation(ctx.db, row.consultation_id) : null,
    availableActions: availableDefectActions(row.state, callerRole(call)),
  };
}

/** Open ones (oldest first, the queue) or all of them (newest first). */
export async function listDefects(db: Db, args: MethodArgs<'defects.list'>): Promise<Defect[]> {
  let query = db.selectFrom('defect').selectAll().limit(args.limit);
  if (args.state) query = query.where('state', '=', args.state);
  else if (args.scope === 'open') query = query.where('state', 'in', openDefectStates);
  query = args.scope === 'open' ? query.orderBy('seq', 'asc') : query.orderBy('seq', 'desc');
  return (await query.execute()).map(toDefect);
}

export async function defectsOfIncident(db: Db, incidentId: string): Promise<Defect[]> {
  const rows = await db.selectFrom('defect').selectAll().where('incident_id', '=', incidentId).orderBy('seq').execute();
  return rows.map(toDefect);
}
