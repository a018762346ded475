// The Redmine connector: tickets are issues, notes are journals, files are uploads attached with a note.
import { AppError } from '../../../../shared/contract/app-error';
import type { SyncMapping } from '../../../../shared/contract/sync';
import type { ChangesPage, NewTicket, TicketChanges, TicketConnector, TicketStatus, TicketUpdate, UpstreamChange, UpstreamFile } from '../ticket-connector';
import { createConnectionPool, type HttpTransportOptions } from '../upstream-http';
import { checkRedmine } from './redmine-checks';
import { readCatalog, type ResolvedMapping, resolveMapping } from './redmine-mapping';
import { type RedmineEndpoint, redmineCall } from './redmine-rest';

export interface RedmineSettings {
  url: string;
  apiKey: string;
  project: string;
  mapping: SyncMapping;
  transport: HttpTransportOptions;
}

interface RedmineJournal {
  id: number;
  user?: { id: number; name: string };
  notes?: string | null;
  created_on: string;
  details?: { property: string; name: string; old_value: string | null; new_value: string | null }[];
}

interface RedmineIssue {
  id: number;
  updated_on: string;
  status?: { id: number; name: string };
  assigned_to?: { id: number; name: string };
  journals?: RedmineJournal[];
}

/** Redmine pages lists by at most 100. */
const pageSize = 100;

export function createRedmineConnector(settings: RedmineSettings): TicketConnector {
  /** A record status the mapping names but Redmine lacks parks only that record's item (sync_mapping_missing). */
  const statusOf = (m: ResolvedMapping, status: TicketStatus): number => {
    const found = m.statuses[status];
    if (found !== null) return found;
    const name = status in settings.mapping.recordStatuses ? settings.mapping.recordStatuses[status as keyof SyncMapping['recordStatuses']] : status;
    throw new AppError('sync_mapping_missing', 'sync_mapping_missing', { kind: 'status', name });
  };
  // One connector, one pool: its calls go back to back over kept-alive connections.
  const transport = { ...settings.transport, pool: settings.transport.pool ?? createConnectionPool() };
  const endpoint: RedmineEndpoint = { baseUrl: settings.url.replace(/\/+$/, ''), apiKey: settings.apiKey, transport };
  let resolved: ResolvedMapping | null = null;
  const mapping = (): ResolvedMapping => {
    if (!resolved) throw new AppError('sync_not_connected', 'sync_not_connected');
    return resolved;
  };

  async function upload(file: UpstreamFile): Promise<{ token: string; filename: string; content_type: string }> {
    const answer = await redmineCall<{ upload: { token: string } }>(endpoint, 'POST', `/uploads.json?filename=${encodeURIComponent(file.fileName)}`, { bytes: file.bytes });
    const token = answer.json?.upload.token;
    if (!token) throw new AppError('sync_unexpected_status', 'sync_unexpected_status', { method: 'POST', path: '/uploads.json', status: answer.status });
    return { token, filename: file.fileName, content_type: file.mime };
  }

  async function setStatus(ticketId: number, statusId: number): Promise<void> {
    const answer = await redmineCall(endpoint, 'PUT', `/issues/${ticketId}.json`, { json: { issue: { status_id: statusId } }, accept: [404] });
    if (answer.status === 404) throw new AppError('sync_ticket_gone', 'sync_ticket_gone', { ticketId });
  }

  async function issueWithJournals(ticketId: number): Promise<RedmineIssue> {
    const answer = await redmineCall<{ issue: RedmineIssue }>(endpoint, 'GET', `/issues/${ticketId}.json?include=journals`, { accept: [404] });
    if (answer.status === 404 || !answer.json) throw new AppError('sync_ticket_gone', 'sync_ticket_gone', { ticketId });
    return answer.json.issue;
  }

  function toChange(issue: RedmineIssue, journal: RedmineJournal, m: ResolvedMapping): UpstreamChange {
    let status: string | null = null;
    let assignee: string | null = null;
    for (const d of journal.details ?? []) {
      if (d.property !== 'attr') continue;
      if (d.name === 'status_id' && d.new_value) status = m.statusNames.get(Number(d.new_value)) ?? `#${d.new_value}`;
      if (d.name === 'assigned_to_id') {
        // The journal has only the user's id; the issue names its current assignee (an older one stays `#id`).
        assignee = !d.new_value ? '' : issue.assigned_to && String(issue.assigned_to.id) === d.new_value ? issue.assigned_to.name : `#${d.new_value}`;
      }
    }
    return { id: journal.id, author: journal.user?.name ?? '', at: Date.parse(journal.created_on), notes: journal.notes ?? '', status, assignee };
  }

  const connector: TicketConnector = {
    async connect() {
      resolved = resolveMapping(await readCatalog(endpoint, settings.project), settings.project, settings.mapping);
    },

    async createTicket(ticket: NewTicket) {
      const m = mapping();
      const trackerId = m.trackers[ticket.tracker];
      if (trackerId === null) throw new AppError('sync_mapping_missing', 'sync_mapping_missing', { kind: 'tracker', name: settings.mapping.trackers[ticket.tracker] });
      const statusId = statusOf(m, ticket.status);
      const customFields = [
        { id: m.fields.consoleId, value: ticket.consoleId },
        ...(m.fields.slaLevel && ticket.level ? [{ id: m.fields.slaLevel, value: ticket.level }] : []),
        ...(m.fields.site ? [{ id: m.fields.site, value: ticket.siteName }] : []),
      ];
      const uploads = [];
      for (const file of ticket.files ?? []) uploads.push(await upload(file));
      const answer = await redmineCall<{ issue: { id: number; status?: { id: number } } }>(endpoint, 'POST', '/issues.json', {
        json: {
          issue: {
            project_id: m.projectId,
            tracker_id: trackerId,
            subject: ticket.subject,
            description: ticket.description,
            ...(ticket.level ? { priority_id: m.priorities[ticket.level] } : {}),
            status_id: statusId,
            custom_fields: customFields,
            ...(uploads.length > 0 ? { uploads } : {}),
          },
        },
      });
      const made = answer.json?.issue;
      if (!made?.id) throw new AppError('sync_unexpected_status', 'sync_unexpected_status', { method: 'POST', path: '/issues.json', status: answer.status });
      // Redmine's workflow may not let a new issue start in the status asked for (a finished record is Closed).
      if (made.status?.id !== undefined && made.status.id !== statusId) await setStatus(made.id, statusId);
      return made.id;
    },

    async completeTicket(ticketId: number, ticket: NewTicket) {
      const statusId = statusOf(mapping(), ticket.status);
      const issue = await issueWithJournals(ticketId);
      // Untouched since it was made (no journal at all): the status step createTicket would have taken is still due.
      if ((issue.journals ?? []).length === 0 && issue.status?.id !== statusId) await setStatus(ticketId, statusId);
    },

    async updateTicket(ticketId: number, update: TicketUpdate) {
      const m = mapping();
      const uploads = [];
      for (const file of update.files ?? []) uploads.push(await upload(file));
      const answer = await redmineCall(endpoint, 'PUT', `/issues/${ticketId}.json`, {
        json: {
          issue: {
            notes: update.notes,
            ...(update.state ? { status_id: statusOf(m, update.state) } : {}),
            ...(update.level ? { priority_id: m.priorities[update.level] } : {}),
            ...(update.level && m.fields.slaLevel ? { custom_fields: [{ id: m.fields.slaLevel, value: update.level }] } : {}),
            ...(uploads.length > 0 ? { uploads } : {}),
          },
        },
        accept: [404],
      });
      if (answer.status === 404) throw new AppError('sync_ticket_gone', 'sync_ticket_gone', { ticketId });
    },

    addNote: (ticketId, notes) => connector.updateTicket(ticketId, { notes }),
    attachFile: (ticketId, file, notes) => connector.updateTicket(ticketId, { notes, files: [file] }),

    async findTicket(consoleId: string) {
      const m = mapping();
      // Every project the key sees: the service center may have moved the ticket.
      const answer = await redmineCall<{ issues: { id: number }[] }>(
        endpoint,
        'GET',
        `/issues.json?status_id=*&cf_${m.fields.consoleId}=${encodeURIComponent(consoleId)}&sort=id&limit=2`,
      );
      return answer.json?.issues[0]?.id ?? null;
    },

    async findNote(ticketId: number, marker: string) {
      const issue = await issueWithJournals(ticketId);
      return (issue.journals ?? []).some((j) => (j.notes ?? '').includes(marker));
    },

    async changesSince(cursor, seen): Promise<ChangesPage> {
      const m = mapping();
      const since = cursor ? `&updated_on=${encodeURIComponent(`>=${cursor}`)}` : '';
      const tickets: TicketChanges[] = [];
      let newest = cursor ?? '';
      for (let offset = 0; ; offset += pageSize) {
        const answer = await redmineCall<{ issues: RedmineIssue[]; total_count: number }>(
          endpoint,
          'GET',
          `/issues.json?project_id=${m.projectId}&status_id=*${since}&sort=updated_on&limit=${pageSize}&offset=${offset}`,
        );
        const issues = answer.json?.issues ?? [];
        for (const summary of issues) {
          if (summary.updated_on > newest) newest = summary.updated_on;
          const last = await seen(summary.id);
          if (last === null) continue;
          const issue = await issueWithJournals(summary.id);
          const changes = (issue.journals ?? [])
            .filter((j) => j.id > last && j.user?.id !== m.ownUserId)
            .map((j) => toChange(issue, j, m))
            .filter((c) => c.notes.trim() !== '' || c.status !== null || c.assignee !== null);
          const newestJournal = Math.max(last, ...(issue.journals ?? []).map((j) => j.id));
          if (changes.length > 0 || newestJournal > last) tickets.push({ ticketId: summary.id, changes, newestChangeId: newestJournal });
        }
        if (issues.length < pageSize || offset + pageSize >= (answer.json?.total_count ?? 0)) break;
      }
      return { tickets, cursor: newest };
    },

    ticketUrl: (ticketId) => `${endpoint.baseUrl}/issues/${ticketId}`,

    check: () => checkRedmine(endpoint, settings.project, settings.mapping),
  };
  return connector;
}
