// Resolves the mapping's names (trackers, statuses, priorities, custom fields, the project) to Redmine's ids.
import { AppError } from '../../../../shared/contract/app-error';
import type { SyncMapping } from '../../../../shared/contract/sync';
import { incidentStates, type IncidentState } from '../../../../shared/domain/incidents/incident-lifecycle';
import { slaLevels, type SlaLevel } from '../../../../shared/domain/incidents/sla-levels';
import { type RedmineEndpoint, redmineCall } from './redmine-rest';

type RecordStatus = keyof SyncMapping['recordStatuses'];
const recordStatuses: RecordStatus[] = ['defectReported', 'defectReplied', 'maintenanceFinished'];

interface Named {
  id: number;
  name: string;
}

export interface RedmineCatalog {
  user: { id: number; login: string; admin: boolean };
  project: { id: number; identifier: string; trackers: Named[] } | null;
  statuses: Named[];
  priorities: Named[];
  /** Null when the key may not list custom fields (only administrators may): names written `#id` still resolve. */
  customFields: (Named & { is_filter: boolean; trackers: Named[] })[] | null;
}

export interface ResolvedMapping {
  projectId: number;
  /**
   * Incidents' trackers and statuses must resolve for the link to come up; the other records' may be missing (null):
   * only their own items are parked then, until an administrator fixes the mapping.
   */
  trackers: Record<'reported' | 'alarm', number> & Record<'defect' | 'maintenance', number | null>;
  priorities: Record<SlaLevel, number>;
  statuses: Record<IncidentState, number> & Record<RecordStatus, number | null>;
  statusNames: Map<number, string>;
  fields: { consoleId: number; slaLevel: number | null; site: number | null };
  ownUserId: number;
}

/** Reads what the mapping is resolved against. A project that is not there comes back as null. */
export async function readCatalog(endpoint: RedmineEndpoint, project: string): Promise<RedmineCatalog> {
  const user = await redmineCall<{ user: { id: number; login: string; admin?: boolean } }>(endpoint, 'GET', '/users/current.json');
  const projectAnswer = await redmineCall<{ project: { id: number; identifier: string; trackers?: Named[] } }>(
    endpoint,
    'GET',
    `/projects/${encodeURIComponent(project)}.json?include=trackers`,
    { accept: [403, 404] },
  );
  const statuses = await redmineCall<{ issue_statuses: Named[] }>(endpoint, 'GET', '/issue_statuses.json');
  const priorities = await redmineCall<{ issue_priorities: Named[] }>(endpoint, 'GET', '/enumerations/issue_priorities.json');
  const fields = await redmineCall<{ custom_fields: (Named & { customized_type: string; is_filter: boolean; trackers?: Named[] })[] }>(
    endpoint,
    'GET',
    '/custom_fields.json',
    { accept: [403] },
  );
  const p = projectAnswer.json?.project;
  return {
    user: { id: user.json?.user.id ?? 0, login: user.json?.user.login ?? '', admin: user.json?.user.admin === true },
    project: p ? { id: p.id, identifier: p.identifier, trackers: p.trackers ?? [] } : null,
    statuses: statuses.json?.issue_statuses ?? [],
    priorities: priorities.json?.issue_priorities ?? [],
    customFields: fields.json
      ? fields.json.custom_fields.filter((f) => f.customized_type === 'issue').map((f) => ({ id: f.id, name: f.name, is_filter: f.is_filter, trackers: f.trackers ?? [] }))
      : null,
  };
}

const byName = (list: Named[], name: string): number | null => list.find((x) => x.name.toLowerCase() === name.toLowerCase())?.id ?? null;

/** A field's id from its name, or from `#id` when the key may not list fields. */
export function fieldId(catalog: RedmineCatalog, name: string): number | null {
  const direct = /^#(\d+)$/.exec(name.trim());
  if (direct) return Number(direct[1]);
  return catalog.customFields ? byName(catalog.customFields, name) : null;
}

function missing(kind: string, name: string): AppError {
  return new AppError('sync_mapping_missing', 'sync_mapping_missing', { kind, name });
}

/** Every name resolved, or AppError sync_project_missing / sync_mapping_missing naming the first one that is not. */
export function resolveMapping(catalog: RedmineCatalog, projectName: string, mapping: SyncMapping): ResolvedMapping {
  const project = catalog.project;
  if (!project) throw new AppError('sync_project_missing', 'sync_project_missing', { project: projectName });
  const tracker = (name: string): number => byName(project.trackers, name) ?? (() => { throw missing('tracker', name); })();
  const status = (name: string): number => byName(catalog.statuses, name) ?? (() => { throw missing('status', name); })();
  const priority = (name: string): number => byName(catalog.priorities, name) ?? (() => { throw missing('priority', name); })();
  const field = (name: string): number => fieldId(catalog, name) ?? (() => { throw missing('custom_field', name); })();
  const statuses = {
    ...(Object.fromEntries(incidentStates.map((s) => [s, status(mapping.outboundStatuses[s])])) as Record<IncidentState, number>),
    ...(Object.fromEntries(recordStatuses.map((s) => [s, byName(catalog.statuses, mapping.recordStatuses[s])])) as Record<RecordStatus, number | null>),
  };
  for (const inbound of mapping.inboundStatuses) status(inbound.upstream);
  return {
    projectId: project.id,
    trackers: {
      reported: tracker(mapping.trackers.reported),
      alarm: tracker(mapping.trackers.alarm),
      defect: byName(project.trackers, mapping.trackers.defect),
      maintenance: byName(project.trackers, mapping.trackers.maintenance),
    },
    priorities: Object.fromEntries(slaLevels.map((l) => [l, priority(mapping.priorities[l])])) as Record<SlaLevel, number>,
    statuses,
    statusNames: new Map(catalog.statuses.map((s) => [s.id, s.name])),
    fields: {
      consoleId: field(mapping.customFields.consoleId),
      slaLevel: mapping.customFields.slaLevel ? field(mapping.customFields.slaLevel) : null,
      site: mapping.customFields.site ? field(mapping.customFields.site) : null,
    },
    ownUserId: catalog.user.id,
  };
}
