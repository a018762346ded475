// The duty room's contract: report an incident, move it through its lifecycle, its record, files, devices and clocks.
import { z } from 'zod';
import { unclassifiedSystemId } from '../domain/assets/catalog';
import { incidentStates, type IncidentAction, type IncidentState } from '../domain/incidents/incident-lifecycle';
import type { LevelSuggestion, SuggestionBasis } from '../domain/incidents/level-suggestion';
import type { IncidentMilestones, MilestoneKind, Urgency } from '../domain/incidents/sla-clock';
import { slaLevels, type SlaLevel } from '../domain/incidents/sla-levels';
import type { Device } from './assets';
import { command, query } from './define';
import type { JournalEntry } from './journal';

const text = (max: number) => z.string().trim().max(max);
const id = z.string().min(1).max(64);
const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);

export const slaLevelSchema = z.enum(slaLevels);
export const incidentStateSchema = z.enum(incidentStates);

/** The largest file one attachment may hold, decoded. */
export const attachmentMaxBytes = 20 * 1024 * 1024;
/** Photos, scans and notes: what an on-site record needs, nothing that runs. */
export const attachmentMimeTypes = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/bmp',
  'application/pdf',
  'text/plain',
  'text/csv',
] as const;
export type AttachmentMimeType = (typeof attachmentMimeTypes)[number];

export const attachmentFileSchema = z.object({
  fileName: text(255).min(1),
  mime: z.enum(attachmentMimeTypes),
  /** The file's bytes, base64-encoded (the transports carry JSON); at most `attachmentMaxBytes` decoded. */
  contentBase64: z
    .string()
    .min(1)
    .max(Math.ceil(attachmentMaxBytes / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
});
export type AttachmentFileInput = z.input<typeof attachmentFileSchema>;

/** The yes/no questions of level-suggestion.ts; the first "yes" decides. */
export const incidentFactsSchema = z.object({
  dangerOrWorsening: z.boolean().optional(),
  businessStopped: z.boolean().optional(),
  dataLost: z.boolean().optional(),
  partFailedOrDegraded: z.boolean().optional(),
  errorsOrWarningsOnly: z.boolean().optional(),
  questionOrBookedService: z.boolean().optional(),
});

export const reportIncidentSchema = z.object({
  systemId: id,
  /** What is happening, in the reporter's words; its first line is the title when none is given. */
  description: text(4000).min(1),
  title: text(200).default(''),
  /** Empty: the first linked device's building / floor / room. */
  location: text(200).default(''),
  reporter: text(100).min(1),
  callbackPhone: text(50).default(''),
  /** Devices picked from the register. */
  deviceIds: z.array(id).max(50).default([]),
  /** A device not (yet) in the register, as the reporter names it. */
  deviceText: text(200).default(''),
  /** When it started, if before the report; defaults to the report time. */
  occurredAt: epochMs.optional(),
  facts: incidentFactsSchema.default({}),
  /** The level chosen on screen; absent: the suggestion from `facts`. */
  level: slaLevelSchema.optional(),
  photos: z.array(attachmentFileSchema).max(6).default([]),
});
export type ReportIncidentInput = z.input<typeof reportIncidentSchema>;

/** 故障处理报告 and the on-site record (现场服务支持规范 (4)): time, place, reporter, description, cause, method, loss, prevention. */
export interface OnSiteRecord {
  occurredAt: number;
  location: string;
  reporter: string;
  description: string;
  faultType: string;
  cause: string;
  method: string;
  loss: string;
  prevention: string;
}

export const recordFieldsSchema = z.object({
  occurredAt: epochMs.optional(),
  location: text(200).optional(),
  reporter: text(100).min(1).optional(),
  description: text(4000).min(1).optional(),
  faultType: text(200).optional(),
  cause: text(4000).optional(),
  method: text(4000).optional(),
  loss: text(4000).optional(),
  prevention: text(4000).optional(),
});

export interface Incident {
  id: string;
  /** GZ-YYYYMMDD-NNN, numbered per local day. */
  number: string;
  level: SlaLevel;
  suggestedLevel: SlaLevel;
  suggestionBasis: SuggestionBasis;
  state: IncidentState;
  systemId: string;
  title: string;
  callbackPhone: string;
  deviceText: string;
  /** The latest handling plan and emergency plan (应急方案); empty until submitted. */
  plan: string;
  emergencyPlan: string;
  record: OnSiteRecord;
  reportedAt: number;
  reportedBy: string;
  updatedAt: number;
}

export interface IncidentListItem extends Incident {
  urgency: Urgency;
}

export interface IncidentAttachment {
  sha256: string;
  fileName: string;
  mime: AttachmentMimeType;
  size: number;
  addedAt: number;
  addedBy: string;
}

export interface IncidentDetail {
  incident: Incident;
  /** The clocks as of `milestones.asOf` (the core's now when asked). */
  milestones: IncidentMilestones;
  urgency: Urgency;
  attachments: IncidentAttachment[];
  devices: Device[];
  /** What the caller's role may do now: the buttons to offer. */
  availableActions: IncidentAction[];
}

export interface ReportedIncident {
  incident: Incident;
  suggestion: LevelSuggestion;
}

export interface AttachmentContent extends IncidentAttachment {
  contentBase64: string;
}

export const listIncidentsSchema = z.object({
  /** open: every incident not closed; all: closed ones too (after the open ones, newest first). */
  scope: z.enum(['open', 'all']).default('open'),
  systemId: id.optional(),
  level: slaLevelSchema.optional(),
  state: incidentStateSchema.optional(),
  /** Words in the number, title, location, reporter or device text. */
  q: text(200).default(''),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type ListIncidentsInput = z.input<typeof listIncidentsSchema>;

export interface IncidentList {
  /** The time urgencies were computed at. */
  asOf: number;
  /** Most urgent first (compareUrgency), then newest first. */
  items: IncidentListItem[];
}

const note = text(2000).default('');
const longText = (max = 4000) => text(max);

/** One lifecycle step; `change_level` has its own method. */
export const incidentActSchema = z.discriminatedUnion('action', [
  z.object({ id, action: z.literal('respond'), note }),
  z.object({ id, action: z.literal('submit_plan'), plan: longText().min(1) }),
  z.object({ id, action: z.literal('start_work'), note }),
  z.object({ id, action: z.literal('submit_emergency_plan'), plan: longText().min(1) }),
  z.object({
    id,
    action: z.literal('resolve'),
    cause: longText().min(1),
    method: longText().min(1),
    loss: longText().default(''),
    prevention: longText().default(''),
  }),
  z.object({
    id,
    action: z.literal('submit_fault_report'),
    faultType: text(200).min(1),
    cause: longText().min(1),
    method: longText().min(1),
    loss: longText().min(1),
    prevention: longText().default(''),
  }),
  z.object({ id, action: z.literal('close'), note }),
  // The lifecycle refuses an empty reason with its own code (incident_reopen_reason_required).
  z.object({ id, action: z.literal('reopen'), reason: text(1000).default('') }),
  z.object({ id, action: z.literal('add_note'), text: text(4000).min(1) }),
]);
export type IncidentActInput = z.input<typeof incidentActSchema>;
export type IncidentActArgs = z.output<typeof incidentActSchema>;

export interface IncidentsChanged {
  ids: string[];
}

/** One of an incident's files: the incident and the file's content hash. */
const attachmentRef = z.object({ id, sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256') });

export const incidentsContract = {
  'incidents.report': command<ReportedIncident>()(reportIncidentSchema),
  'incidents.list': query<IncidentList>()(listIncidentsSchema),
  'incidents.get': query<IncidentDetail>()(z.object({ id })),
  'incidents.act': command<Incident>()(incidentActSchema),
  'incidents.changeLevel': command<Incident>()(z.object({ id, level: slaLevelSchema, reason: text(1000).min(1) })),
  'incidents.updateRecord': command<Incident>()(z.object({ id, fields: recordFieldsSchema })),
  'incidents.linkDevices': command<Device[]>()(z.object({ id, deviceIds: z.array(id).min(1).max(50) })),
  'incidents.unlinkDevice': command<Device[]>()(z.object({ id, deviceId: id })),
  'incidents.attach': command<IncidentAttachment>()(attachmentFileSchema.extend({ id })),
  /** A file to look at on the console's screen (a photo's thumbnail and preview); not journaled. */
  'incidents.attachment': query<AttachmentContent>()(attachmentRef),
  /** A copy of the file to keep (saved as a download): journaled on the incident, as the copy leaves the console. */
  'incidents.downloadAttachment': command<AttachmentContent>()(attachmentRef),
  /** Every journaled step of the incident, oldest first. */
  'incidents.timeline': query<JournalEntry[]>()(z.object({ id })),
  /** Open incidents of the last hour at the same place or on one of the devices: the same event, reported again? Newest first. */
  'incidents.recentAtSamePlace': query<Incident[]>()(z.object({ location: text(200).default(''), deviceIds: z.array(id).max(50).default([]) })),
  /** Files an incident under a system (the guard said "不知道", or chose wrong). */
  'incidents.classify': command<Incident>()(
    z.object({ id, systemId: id.refine((s) => s !== unclassifiedSystemId, 'system_unclassified') }),
  ),
};

export type { IncidentAction, IncidentMilestones, IncidentState, LevelSuggestion, MilestoneKind, SlaLevel, Urgency };
