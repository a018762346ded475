// Upstream sync's contract: the link's status, the outbox queue and parked items, the connector's settings and
// mapping (administrator), the connection test, and the upstream ticket of an incident.
import { z } from 'zod';
import type { AppErrorData, ErrorParams } from './app-error';
import type { JournalEntry } from './journal';
import { command, query } from './define';
import { incidentStates, type IncidentState } from '../domain/incidents/incident-lifecycle';
import { slaLevels } from '../domain/incidents/sla-levels';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);
/** A name as the ticket system shows it (a tracker, a status, a priority, a custom field). */
const upstreamName = text(100);

/** The ticket systems the console has a connector for. */
export const syncConnectorKinds = ['redmine'] as const;
export type SyncConnectorKind = (typeof syncConnectorKinds)[number];

/**
 * How the console's words map onto the ticket system's, by the names the ticket system shows (resolved to its ids
 * when the link comes up). The defaults fit a stock Redmine plus one custom field, "Console ID".
 */
export const syncMappingSchema = z.object({
  /**
   * Tracker of a ticket: incidents a person reported (F2) and incidents an alarm rule opened, system defects reported
   * to the service center, finished maintenance records. Mappings saved before defects and records went up read
   * with the defaults.
   */
  trackers: z.object({
    reported: upstreamName.min(1),
    alarm: upstreamName.min(1),
    defect: upstreamName.min(1).default('Feature'),
    maintenance: upstreamName.min(1).default('Support'),
  }),
  /** Priority of a ticket by the incident's SLA level. */
  priorities: z.object(Object.fromEntries(slaLevels.map((l) => [l, upstreamName.min(1)])) as Record<(typeof slaLevels)[number], z.ZodString>),
  /** The upstream status a ticket is set to when the incident reaches a local state. */
  outboundStatuses: z.object(Object.fromEntries(incidentStates.map((s) => [s, upstreamName.min(1)])) as Record<IncidentState, z.ZodString>),
  /**
   * Upstream statuses the console understands coming back: the service center setting one moves the incident to
   * `state` when the local lifecycle allows that step now (e.g. "In Progress" → responded: the response milestone).
   * Any other status change is shown on the timeline only.
   */
  inboundStatuses: z.array(z.object({ upstream: upstreamName.min(1), state: z.enum(incidentStates) })).max(20),
  /** The upstream status of the other records' tickets: a defect when reported and once replied, a finished record. */
  recordStatuses: z
    .object({ defectReported: upstreamName.min(1), defectReplied: upstreamName.min(1), maintenanceFinished: upstreamName.min(1) })
    .default({ defectReported: 'New', defectReplied: 'Resolved', maintenanceFinished: 'Closed' }),
  customFields: z.object({
    /** Required: the console's incident id, how a ticket is found again after an unknown outcome (filterable). */
    consoleId: upstreamName.min(1),
    /** Optional ('' = not used): the SLA level (I–IV) as a field besides the priority. */
    slaLevel: upstreamName,
    /** Optional ('' = not used): the site's name, when many consoles share one project. */
    site: upstreamName,
  }),
});
export type SyncMapping = z.infer<typeof syncMappingSchema>;

export const syncSettingsInputSchema = z.object({
  enabled: z.boolean(),
  connector: z.enum(syncConnectorKinds).default('redmine'),
  /** The ticket system's base URL, http(s). */
  url: text(500).regex(/^$|^https?:\/\/[^\s]+$/i, 'sync_url_invalid'),
  /** Write-only: omitted keeps the stored key; a value replaces it. Never returned, journaled or logged. */
  apiKey: z.string().trim().min(1).max(200).optional(),
  /** The project's identifier (or numeric id) tickets are filed in. */
  project: text(100),
  /** This site's name, written on every ticket (and into the site field when mapped). */
  siteName: text(100).default(''),
  /** A company CA certificate (PEM file) trusted besides the system's; '' = none. TLS verification is never off. */
  caFilePath: text(1000).default(''),
  /** An HTTP(S) proxy URL ('' = direct). */
  proxyUrl: text(500).regex(/^$|^https?:\/\/[^\s]+$/i, 'sync_proxy_invalid').default(''),
  mapping: syncMappingSchema,
});
export type SyncSettingsInput = z.input<typeof syncSettingsInputSchema>;

/** The settings as read back: the key is never in it, only whether one is stored. */
export interface SyncSettingsView extends Omit<z.output<typeof syncSettingsInputSchema>, 'apiKey'> {
  apiKeySet: boolean;
  updatedAt: number | null;
}

/**
 * The link as the header shows it. not_configured: no URL/key/project yet; disabled: an administrator turned sync
 * off; connected: the last call reached the ticket system; offline: it cannot be reached (since `offlineSince`);
 * key_refused: the ticket system refused the API key (wrong or revoked) — the queue is kept until it is fixed.
 */
export type SyncLinkState = 'not_configured' | 'disabled' | 'connected' | 'offline' | 'key_refused';

export interface SyncStatus {
  state: SyncLinkState;
  offlineSince: number | null;
  /** Why the link is not connected, for the sync page (a code with an i18n key). */
  lastError: AppErrorData | null;
  /** Items not yet upstream (parked ones not counted): each step of an incident is one. */
  waiting: number;
  /** Incidents those items belong to: what a person counts ("1 incident waiting (2 changes)"). */
  waitingIncidents: number;
  /** Records of each kind those items belong to ("1 incident, 1 defect waiting"). */
  waitingRecords: Record<SyncRecordKind, number>;
  parked: number;
  /** The last time an item reached the ticket system. */
  lastSuccessAt: number | null;
  /** While a backlog drains: how far this drain has come (done of total). Null when idle. */
  draining: { done: number; total: number } | null;
  /** When the next attempt is due while offline (backoff); null otherwise. */
  nextAttemptAt: number | null;
}

/** What an item becomes upstream: the ticket itself, a note on it, or a file attached to it. */
export type SyncItemKind = 'ticket' | 'note' | 'file';

/**
 * The records that go upstream, each as a ticket of its own: incidents (their escalations as notes on them), system
 * defects reported to the service center, finished maintenance records. Consultations stay on site: 问题记录规范 says
 * a consultation "到现场支持人员处即可中止".
 */
export const syncRecordKinds = ['incident', 'defect', 'maintenance'] as const;
export type SyncRecordKind = (typeof syncRecordKinds)[number];

/**
 * waiting: due (or backing off); checking: its last send had an unknown outcome, it is looked up before any resend;
 * parked: the ticket system refused it (reason in `parkedReason`), the incident's later items wait behind it;
 * done: upstream; skipped: a supervisor skipped it (journaled with the comment).
 */
export type SyncItemState = 'waiting' | 'checking' | 'parked' | 'done' | 'skipped';

/** One journal entry that goes upstream, with its sync state. */
export interface SyncItem {
  /** The journal entry's id (the marker written into the upstream note). */
  entryId: string;
  seq: number;
  /** The journal entry's type (incident.reported, incident.responded, …). */
  type: string;
  kind: SyncItemKind;
  /** The record the item belongs to: its queue (items of one record go in order) and its ticket. */
  recordKind: SyncRecordKind;
  recordId: string;
  /** The record's number as its page shows it (GZ-…, QX-…, WB-…). */
  recordNumber: string;
  /** The record's ticket upstream, once it exists. */
  ticketId: number | null;
  /** The incident's id and number for an incident's item ('' for other records). */
  incidentId: string;
  incidentNumber: string;
  at: number;
  operator: string;
  state: SyncItemState;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: AppErrorData | null;
  parkedReason: AppErrorData | null;
  parkedAt: number | null;
}

export interface SyncQueuePage {
  /** Oldest first. */
  items: SyncItem[];
  /** Items not yet upstream in all (waiting + checking + parked). */
  total: number;
}

/** One line of "test connection": what was checked and, in plain words (via `code`'s i18n), what is missing. */
export type SyncCheckKey = 'settings' | 'url' | 'tls' | 'proxy' | 'key' | 'project' | 'tracker' | 'status' | 'priority' | 'custom_field';
export interface SyncCheck {
  key: SyncCheckKey;
  ok: boolean;
  /** i18n key under `sync.checks.` (e.g. `custom_field_missing`), with its params (e.g. `{ name: 'Console ID' }`). */
  code: string;
  params: ErrorParams;
}

/** A record's ticket upstream. none: not queued (not a record that goes up, or not yet reported / finished). */
export interface SyncRecordTicket {
  recordKind: SyncRecordKind;
  recordId: string;
  state: 'none' | 'waiting' | 'parked' | 'created';
  /** The ticket's number in the ticket system (Redmine's issue id), once created. */
  ticketId: number | null;
  /** A link to the ticket in the ticket system's web UI, once created. */
  url: string | null;
}

/** A ticket upstream with its record, for the sync page's list of what went up. */
export interface SyncTicketListItem {
  recordKind: SyncRecordKind;
  recordId: string;
  recordNumber: string;
  ticketId: number;
  url: string | null;
  createdAt: number;
}

/** An incident's ticket upstream. none: not queued (sync not configured when it was reported). */
export interface SyncTicket {
  incidentId: string;
  state: 'none' | 'waiting' | 'parked' | 'created';
  /** The ticket's number in the ticket system (Redmine's issue id), once created. */
  ticketId: number | null;
  /** A link to the ticket in the ticket system's web UI, once created. */
  url: string | null;
}

/**
 * Journal entry types the pull writes on an incident's timeline (operator = `upstream:<author>`):
 * `incident.upstream_note` { text, author, upstreamAt }, `incident.upstream_assigned` { assignee, author },
 * `incident.upstream_status` { status, author, applied: IncidentState | null, notAppliedReason: string | null }.
 */
export const upstreamEntryTypes = ['incident.upstream_note', 'incident.upstream_assigned', 'incident.upstream_status'] as const;

/**
 * The same for a defect's and a maintenance record's ticket, on the record's history (payload { ticketId, changeId,
 * author, upstreamAt } and `text`, `assignee` or `status`). Pulled back only: they move none of the record's steps.
 */
export const recordUpstreamEntryTypes = {
  defect: ['defect.upstream_note', 'defect.upstream_assigned', 'defect.upstream_status'],
  maintenance: ['maintenance.upstream_note', 'maintenance.upstream_assigned', 'maintenance.upstream_status'],
} as const;

export const syncContract = {
  'sync.status': query<SyncStatus>()(z.object({})),
  /** Items not yet upstream, oldest first; `afterSeq` pages on. */
  'sync.queue': query<SyncQueuePage>()(
    z.object({ afterSeq: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(500).default(100) }),
  ),
  'sync.parked': query<SyncItem[]>()(z.object({})),
  /** Sends a parked item again (all parked ones when `entryId` is omitted), e.g. after the mapping was fixed. */
  'sync.retry': command<SyncStatus>()(z.object({ entryId: id.optional(), comment: text(1000).default('') })),
  /**
   * Gives up on a parked item, journaled with the supervisor's comment; the incident's later items go on. Skipping
   * the ticket itself skips the incident's items with it (there is no ticket to add them to).
   */
  'sync.skip': command<SyncStatus>()(z.object({ entryId: id, comment: text(1000).min(1) })),
  'sync.getSettings': query<SyncSettingsView>()(z.object({})),
  'sync.saveSettings': command<SyncSettingsView>()(syncSettingsInputSchema),
  /**
   * Checks URL, TLS, proxy, key, project and every mapped name. With `settings`: checks those (unsaved, from the
   * form; an omitted apiKey means the stored one); without: the saved ones.
   */
  'sync.testConnection': query<SyncCheck[]>()(z.object({ settings: syncSettingsInputSchema.optional() })),
  'sync.ticketOf': query<SyncTicket>()(z.object({ incidentId: id })),
  /** Any record's ticket upstream (a defect's, a maintenance record's, an incident's). */
  'sync.recordTicket': query<SyncRecordTicket>()(z.object({ recordKind: z.enum(syncRecordKinds), recordId: id })),
  /** The tickets made upstream, newest first, with their records' numbers. */
  'sync.tickets': query<SyncTicketListItem[]>()(z.object({ limit: z.number().int().min(1).max(200).default(20) })),
  /** What the service center wrote back on a defect's or a maintenance record's ticket, oldest first. */
  'sync.upstreamChanges': query<JournalEntry[]>()(z.object({ recordKind: z.enum(['defect', 'maintenance']), recordId: id })),
};
