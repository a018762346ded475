// The reports' contract: SLA compliance and the service history over a period, its workbook, the monthly service report.
import { z } from 'zod';
import { isCalendarDayText } from '../domain/calendar/calendar-day';
import type { DefectState } from '../domain/problems/defect-lifecycle';
import type { AlarmSeverity } from '../domain/devices/device-signals';
import type { MilestoneKind } from '../domain/incidents/sla-clock';
import type { SlaLevel } from '../domain/incidents/sla-levels';
import type { MilestoneTally } from '../domain/reports/sla-compliance';
import type { ExportFile } from './assets';
import { command, query } from './define';

const id = z.string().min(1).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date_format').refine(isCalendarDayText, 'date_invalid');
export const reportMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month_format');

/** The longest period one report covers: the history the console keeps at hand (two years) with room to spare. */
export const reportMaxDays = 5 * 366;

/** Days are the console's local calendar days; `to` is included. */
export const reportFilterSchema = z
  .object({
    from: day,
    to: day,
    systemId: id.nullable().default(null),
    /** Words of a place (building, floor, room): incidents whose location holds them, alarms and devices placed there. */
    location: z.string().trim().max(100).default(''),
  })
  .refine((f) => f.from <= f.to, { message: 'period_order', path: ['to'] })
  .refine((f) => (Date.parse(f.to) - Date.parse(f.from)) / 86_400_000 < reportMaxDays, { message: 'period_too_long', path: ['from'] });
export type ReportFilter = z.output<typeof reportFilterSchema>;
export type ReportFilterInput = z.input<typeof reportFilterSchema>;

/** One row of a compliance table: a level, a system, a month, or the whole period (`key` 'all'). */
export interface SlaGroup {
  key: string;
  incidents: number;
  milestones: Record<MilestoneKind, MilestoneTally>;
}

/** A milestone missed: met after its deadline, or still unmet past it. */
export interface SlaMiss {
  incidentId: string;
  number: string;
  title: string;
  level: SlaLevel;
  systemId: string;
  milestone: MilestoneKind;
  dueAt: number;
  /** When it was met (late), or null: not met yet. */
  metAt: number | null;
  /** How late it was met, or how long it has been overdue when the report was made. */
  lateByMs: number;
}

export interface CountRow {
  key: string;
  count: number;
}

export interface FailingDevice {
  deviceId: string;
  name: string;
  assetTag: string;
  systemId: string;
  place: string;
  incidents: number;
  alarms: number;
}

export type AlarmDay = { day: string } & Record<AlarmSeverity, number>;

export interface SpareUse {
  systemId: string;
  typeId: string;
  /** Taken out of stock (the stock counted down). */
  used: number;
  /** Put into stock (the stock counted up). */
  added: number;
}

export interface MaintenanceCompletion {
  /** Tasks due in the period. */
  planned: number;
  done: number;
  /** Done on or before their deadline (the due day plus the plan's window). */
  onTime: number;
  /** Not done and past their deadline now. */
  overdue: number;
}

export interface ProblemCounts {
  consultations: number;
  defects: number;
  defectsByState: { state: DefectState; count: number }[];
}

export interface MeanTimes {
  key: string;
  /** Report to response, over the incidents responded to; null when none was. */
  respondMs: number | null;
  responded: number;
  /** Report to resolution, over the incidents resolved. */
  resolveMs: number | null;
  resolved: number;
}

export interface ReportOverview {
  filter: ReportFilter;
  /** Epoch ms of the period's first instant and the instant after its last day. */
  startsAt: number;
  endsAt: number;
  /** Milestones still running are judged as of this instant. */
  generatedAt: number;
  /** `misses`: the latest 500, oldest deadline first; `missesTotal` counts them all. */
  sla: { total: SlaGroup; byLevel: SlaGroup[]; bySystem: SlaGroup[]; byMonth: SlaGroup[]; misses: SlaMiss[]; missesTotal: number };
  meanTimes: { total: MeanTimes; byLevel: MeanTimes[] };
  incidentsBySystem: CountRow[];
  incidentsByLevel: CountRow[];
  /** By the fault report's 故障种类 (or its cause when none was given); '' for incidents without either yet. */
  incidentsByCause: CountRow[];
  failingDevices: FailingDevice[];
  alarmsPerDay: AlarmDay[];
  spareUse: SpareUse[];
  maintenance: MaintenanceCompletion;
  problems: ProblemCounts;
}

/** One incident as the monthly report lists it. */
export interface ReportIncident {
  id: string;
  number: string;
  title: string;
  level: SlaLevel;
  systemId: string;
  location: string;
  reportedAt: number;
  resolvedAt: number | null;
  state: string;
  faultType: string;
  cause: string;
  method: string;
  /** Milestones missed, by kind. */
  missed: MilestoneKind[];
}

export interface ReportMaintenanceTask {
  id: string;
  number: string;
  title: string;
  systemId: string | null;
  engineer: string;
  dueOn: string;
  finishedAt: number | null;
  devices: number;
  failed: number;
  findings: string;
}

export interface ReportSuggestions {
  month: string;
  text: string;
  savedAt: number | null;
  savedBy: string | null;
}

export interface MonthlyReport {
  month: string;
  overview: ReportOverview;
  incidents: ReportIncident[];
  maintenanceDone: ReportMaintenanceTask[];
  suggestions: ReportSuggestions;
}

export const reportsContract = {
  'reports.overview': query<ReportOverview>()(z.object({ filter: reportFilterSchema })),
  /** The overview as a workbook: one sheet per table, what the charts show. Journaled: the customer's data leaves the machine. */
  'reports.export': query<ExportFile>()(z.object({ filter: reportFilterSchema, lang: z.enum(['zh', 'en']).default('zh') })),
  'reports.monthly': query<MonthlyReport>()(z.object({ month: reportMonthSchema, systemId: id.nullable().default(null), location: z.string().trim().max(100).default('') })),
  /** The supervisor's suggestions (系统优化) for one month's report; replaces the month's earlier text. */
  'reports.saveSuggestions': command<ReportSuggestions>()(z.object({ month: reportMonthSchema, text: z.string().trim().max(8000) })),
};
