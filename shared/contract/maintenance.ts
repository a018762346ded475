// The maintenance contract: checklist templates (versioned), plans, tasks made from plans or ad hoc, results item by
// item, and the record printed for the customer's signature.
import { z } from 'zod';
import { isCalendarDayText } from '../domain/calendar/calendar-day';
import { chosenOutcomes, type ChecklistItem, type ItemOutcome, type ItemValue, itemKinds, versionFields } from '../domain/maintenance/checklist-items';
import type { DueState } from '../domain/maintenance/due-state';
import { type Frequency, frequencies } from '../domain/maintenance/frequency';
import { type TaskKind, taskKinds, type TemplatePurpose, templatePurposes } from '../domain/maintenance/template-purposes';
import { slaLevels } from '../domain/incidents/sla-levels';
import type { CatalogSystem, Device } from './assets';
import { command, query } from './define';

const text = (max: number) => z.string().trim().max(max);
const id = z.string().min(1).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date_format').refine(isCalendarDayText, 'date_invalid');
const limit = z.number().finite().min(-1e9).max(1e9).nullable().default(null);

export const checklistItemSchema = z
  .object({
    id: z.string().trim().min(1).max(64).regex(/^[a-z0-9-]+$/, 'item_id_format'),
    kind: z.enum(itemKinds),
    labelZh: text(200).min(1),
    labelEn: text(200).min(1),
    typeIds: z.array(id).max(50).default([]),
    unit: text(20).default(''),
    min: limit,
    max: limit,
    versionField: z.enum(versionFields).nullable().default(null),
  })
  .refine((i) => i.min === null || i.max === null || i.min <= i.max, { message: 'limits_order', path: ['max'] });

export const templateInputSchema = z
  .object({
    /** Absent: a new template; present: the next version of that template (records keep the version they used). */
    id: id.optional(),
    systemId: id.nullable(),
    purpose: z.enum(templatePurposes),
    nameZh: text(200).min(1),
    nameEn: text(200).min(1),
    defaultFrequency: z.enum(frequencies).nullable().default(null),
    everyDays: z.number().int().min(1).max(3650).nullable().default(null),
    items: z.array(checklistItemSchema).max(200),
  })
  .refine((t) => new Set(t.items.map((i) => i.id)).size === t.items.length, { message: 'item_id_duplicate', path: ['items'] });

export interface MaintenanceTemplate {
  id: string;
  version: number;
  systemId: string | null;
  purpose: TemplatePurpose;
  nameZh: string;
  nameEn: string;
  defaultFrequency: Frequency | null;
  everyDays: number | null;
  items: ChecklistItem[];
  builtin: boolean;
  savedAt: number;
  savedBy: string;
}

export const planScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('system'), systemId: id }),
  z.object({ kind: z.literal('location'), building: text(100).min(1), floor: text(50).default(''), room: text(100).default('') }),
  z.object({ kind: z.literal('devices'), deviceIds: z.array(id).min(1).max(5000) }),
]);
export type PlanScope = z.output<typeof planScopeSchema>;

export const planInputSchema = z
  .object({
    id: id.optional(),
    name: text(200).min(1),
    /** The customer's site, printed on every record. */
    site: text(200).default(''),
    templateId: id,
    scope: planScopeSchema,
    frequency: z.enum(frequencies),
    everyDays: z.number().int().min(1).max(3650).nullable().default(null),
    /** Days after the due day the work may still be done before it is overdue. */
    windowDays: z.number().int().min(0).max(365).default(14),
    engineer: text(100).default(''),
    startsOn: day,
    active: z.boolean().default(true),
  })
  .refine((p) => p.frequency !== 'every_n_days' || p.everyDays !== null, { message: 'every_days_required', path: ['everyDays'] });

export interface MaintenancePlan {
  id: string;
  name: string;
  site: string;
  templateId: string;
  scope: PlanScope;
  frequency: Frequency;
  everyDays: number | null;
  windowDays: number;
  engineer: string;
  startsOn: string;
  /** The due day of the next task this plan will make. */
  nextDueOn: string;
  active: boolean;
  updatedAt: number;
}

export const taskDetailsSchema = z.object({
  /** Pre-event check: the customer's event. */
  eventName: text(200).optional(),
  eventDate: day.optional(),
  /** Training: who was trained, on what, by whom. */
  trainees: text(1000).optional(),
  topic: text(1000).optional(),
  trainer: text(100).optional(),
  /** Customer-manager visit (客服经理回访): whom, and what they said. */
  customerContact: text(200).optional(),
  customerRemarks: text(4000).optional(),
});
export type TaskDetails = z.output<typeof taskDetailsSchema>;

export const adHocTaskSchema = z.object({
  kind: z.enum(taskKinds).exclude(['planned']),
  title: text(200).min(1),
  site: text(200).default(''),
  systemId: id.nullable().default(null),
  /** Absent: the shipped template for the kind (pre-event check, training, visit). */
  templateId: id.optional(),
  deviceIds: z.array(id).max(5000).default([]),
  engineer: text(100).default(''),
  dueOn: day,
  windowDays: z.number().int().min(0).max(365).default(0),
  details: taskDetailsSchema.default({}),
});

export type TaskState = 'open' | 'in_progress' | 'done';

export interface MaintenanceTask {
  id: string;
  /** WB-YYYYMMDD-NNN, numbered per due day. */
  number: string;
  kind: TaskKind;
  planId: string | null;
  title: string;
  site: string;
  systemId: string | null;
  templateId: string;
  templateVersion: number;
  engineer: string;
  dueOn: string;
  /** The last day of the due window: after it the task is overdue. */
  deadline: string;
  state: TaskState;
  dueState: DueState;
  findings: string;
  suggestions: string;
  details: TaskDetails;
  deviceCount: number;
  failedCount: number;
  startedAt: number | null;
  finishedAt: number | null;
  finishedBy: string | null;
  createdAt: number;
}

export interface ItemResult {
  deviceId: string;
  itemId: string;
  value: ItemValue;
  outcome: ItemOutcome | null;
  incidentId: string | null;
  incidentNumber: string | null;
  updatedAt: number;
  updatedBy: string;
}

export interface TaskDetail {
  task: MaintenanceTask;
  /** The template as it was when the task was made: a later edit never changes this record. */
  template: MaintenanceTemplate;
  devices: Device[];
  results: ItemResult[];
  /** Items still open over all devices (n/a counts as answered). */
  openItems: number;
}

export interface TaskList {
  today: string;
  total: number;
  items: MaintenanceTask[];
}

export interface DueSummary {
  today: string;
  dueThisWeek: number;
  overdue: number;
}

export const itemValueSchema = z.object({
  outcome: z.enum(chosenOutcomes).nullable().optional(),
  reading: z.number().finite().min(-1e9).max(1e9).nullable().optional(),
  text: text(4000).optional(),
  photoSha256: z.string().regex(/^[0-9a-f]{64}$/).nullable().optional(),
  backupWhat: text(500).optional(),
  backupWhere: text(500).optional(),
  versionBefore: text(100).optional(),
  versionAfter: text(100).optional(),
  note: text(2000).optional(),
});

export const taskListFilters = ['due', 'overdue', 'open', 'done', 'all'] as const;

export const maintenanceContract = {
  'maintenance.templates': query<MaintenanceTemplate[]>()(z.object({})),
  'maintenance.template': query<MaintenanceTemplate>()(z.object({ id, version: z.number().int().min(1).optional() })),
  'maintenance.saveTemplate': command<MaintenanceTemplate>()(templateInputSchema),
  'maintenance.plans': query<MaintenancePlan[]>()(z.object({})),
  'maintenance.savePlan': command<MaintenancePlan>()(planInputSchema),
  'maintenance.tasks': query<TaskList>()(
    z.object({
      filter: z.enum(taskListFilters).default('open'),
      deviceId: id.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  ),
  'maintenance.dueSummary': query<DueSummary>()(z.object({})),
  'maintenance.task': query<TaskDetail>()(z.object({ id })),
  'maintenance.createTask': command<MaintenanceTask>()(adHocTaskSchema),
  /** One item on one device, saved as it is filled in: a task is resumable half-done. */
  'maintenance.saveResult': command<ItemResult>()(z.object({ taskId: id, deviceId: id, itemId: id, value: itemValueSchema })),
  'maintenance.attachPhoto': command<ItemResult>()(
    z.object({
      taskId: id,
      deviceId: id,
      itemId: id,
      mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
      contentBase64: z.string().min(1).max(14_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
    }),
  ),
  'maintenance.photo': query<{ mime: string; contentBase64: string }>()(z.object({ taskId: id, sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  'maintenance.updateTask': command<MaintenanceTask>()(
    z.object({ id, findings: text(8000).optional(), suggestions: text(8000).optional(), engineer: text(100).optional(), details: taskDetailsSchema.optional() }),
  ),
  'maintenance.finishTask': command<MaintenanceTask>()(z.object({ id })),
  /**
   * The finished record as its PDF's print page reads it, with the one-time print token the core gave its PDF renderer
   * (maintenance/print-capability.ts): that task's record only, while the token lives; nothing else opens to it.
   */
  'maintenance.printRecord': query<RecordPrint>()(z.object({ token: z.string().min(16).max(128) })),
  /** A failed item or a reading out of limits becomes an incident, prefilled from the item and linked to it. */
  'maintenance.reportIncident': command<ItemResult>()(
    z.object({ taskId: id, deviceId: id, itemId: id, description: text(4000).min(1), level: z.enum(slaLevels).optional() }),
  ),
};

/** What the record's print page needs without a sign-in: the record and the catalog entries that name its system and types. */
export interface RecordPrint {
  detail: TaskDetail;
  systems: CatalogSystem[];
}

/** Pushed after any change to tasks (results saved, tasks made from plans, finished). */
export interface MaintenanceChanged {
  taskIds: string[];
}
