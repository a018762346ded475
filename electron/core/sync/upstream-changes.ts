// Brings the service center's changes back: notes, assignee and status changes on the incident's timeline
// (journaled with the upstream author), a mapped status moving the local lifecycle when it allows that step now.
// What happened on site stays the console's truth: a step the lifecycle does not allow is shown, never applied.
import type { SyncMapping } from '../../../shared/contract/sync';
import { canTransition, incidentActionRules, incidentStates, type IncidentAction, type IncidentState } from '../../../shared/domain/incidents/incident-lifecycle';
import type { IncidentEventType } from '../../../shared/domain/incidents/sla-clock';
import { upstreamOperator } from '../../../shared/domain/sync/upstream-operator';
import type { CoreContext } from '../context';
import type { Trx } from '../db/database';
import { appendEvent, requireIncident } from '../incidents/incident-rows';
import { inTransaction, type NewEntry } from '../journal/service';
import type { TicketChanges, UpstreamChange } from './ticket-connector';

/** Steps the service center may take for the site: they need nothing only the site knows (a cause, a method). */
const upstreamActions: Partial<Record<IncidentAction, IncidentEventType>> = { respond: 'responded', start_work: 'work_started' };


interface StatusOutcome {
  applied: IncidentState | null;
  notAppliedReason: string | null;
}

async function applyStatus(trx: Trx, incidentId: string, target: IncidentState | null, change: UpstreamChange): Promise<StatusOutcome> {
  if (!target) return { applied: null, notAppliedReason: 'status_not_mapped' };
  const row = await requireIncident(trx, incidentId);
  if (incidentStates.indexOf(row.state) >= incidentStates.indexOf(target)) return { applied: null, notAppliedReason: 'already_reached' };
  const action = (Object.keys(upstreamActions) as IncidentAction[]).find((a) => incidentActionRules[a].to === target && incidentActionRules[a].from.includes(row.state));
  if (!action) return { applied: null, notAppliedReason: 'lifecycle_does_not_allow' };
  const allowed = canTransition(row.state, action, 'engineer');
  if (!allowed.ok) return { applied: null, notAppliedReason: 'lifecycle_does_not_allow' };
  const by = upstreamOperator(change.author);
  // Redmine keeps whole seconds: never before the incident's last recorded change (the report itself, at least).
  const at = Math.max(change.at, row.updated_at);
  await appendEvent(trx, incidentId, { type: upstreamActions[action] as 'responded', at, by }, { upstream: true });
  await trx.updateTable('incident').set({ state: allowed.value, updated_at: at }).where('id', '=', incidentId).execute();
  return { applied: allowed.value, notAppliedReason: null };
}

/** One ticket's changes in one transaction with the mark of how far they were read: none is brought back twice. */
export async function applyTicketChanges(ctx: CoreContext, incidentId: string, ticket: TicketChanges, mapping: SyncMapping): Promise<boolean> {
  const changed = await inTransaction(ctx, async (trx, journal) => {
    const seen = await trx.selectFrom('sync_ticket').select('last_upstream_journal').where('record_kind', '=', 'incident').where('record_id', '=', incidentId).executeTakeFirstOrThrow();
    const fresh = ticket.changes.filter((c) => c.id > seen.last_upstream_journal);
    for (const change of fresh) {
      const operator = upstreamOperator(change.author);
      const base = { entityType: 'incident', entityId: incidentId, operator };
      const entries: NewEntry[] = [];
      if (change.assignee !== null) entries.push({ ...base, type: 'incident.upstream_assigned', payload: { ticketId: ticket.ticketId, changeId: change.id, assignee: change.assignee, author: change.author, upstreamAt: change.at } });
      if (change.status !== null) {
        const target = mapping.inboundStatuses.find((s) => s.upstream.toLowerCase() === change.status?.toLowerCase())?.state ?? null;
        const outcome = await applyStatus(trx, incidentId, target, change);
        entries.push({ ...base, type: 'incident.upstream_status', payload: { ticketId: ticket.ticketId, changeId: change.id, status: change.status, author: change.author, upstreamAt: change.at, ...outcome } });
      }
      if (change.notes.trim() !== '') entries.push({ ...base, type: 'incident.upstream_note', payload: { ticketId: ticket.ticketId, changeId: change.id, text: change.notes, author: change.author, upstreamAt: change.at } });
      for (const entry of entries) await journal(entry);
    }
    await trx.updateTable('sync_ticket').set({ last_upstream_journal: Math.max(seen.last_upstream_journal, ticket.newestChangeId) }).where('record_kind', '=', 'incident').where('record_id', '=', incidentId).execute();
    return fresh.length > 0;
  });
  if (changed) ctx.emit('incidents.changed', { ids: [incidentId] });
  return changed;
}
