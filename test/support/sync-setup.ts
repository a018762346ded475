// Sync tests' shared set-up: the console pointed at a test Redmine with the stock mapping plus the SLA-level and
// site fields, short waits so a test sees backoff and retries in seconds, and a wait-until helper.
import { expect } from 'vitest';
import type { SyncSettingsInput } from '../../shared/contract/sync';
import { defaultSyncMapping } from '../../shared/domain/sync/default-mapping';
import type { SyncEngineOptions } from '../../electron/core/sync/sync-engine';
import type { RedmineServer } from './redmine-server';
import type { TempCore } from './temp-core';

export const fastSync: Partial<SyncEngineOptions> = {
  timeoutMs: 2_000,
  pullIntervalMs: 300,
  linkBackoff: { initialMs: 100, maxMs: 400 },
  itemBackoff: { initialMs: 100, maxMs: 400 },
};

export function syncSettings(url: string, redmine: RedmineServer, overrides: Partial<SyncSettingsInput> = {}): SyncSettingsInput {
  return {
    enabled: true,
    url,
    apiKey: redmine.apiKey,
    project: redmine.template.project,
    siteName: '第一数据中心',
    mapping: { ...defaultSyncMapping, customFields: { consoleId: 'Console ID', slaLevel: 'SLA level', site: 'Site' } },
    ...overrides,
  };
}

export async function configureSync(t: TempCore, url: string, redmine: RedmineServer, overrides: Partial<SyncSettingsInput> = {}): Promise<void> {
  await t.call('sync.saveSettings', syncSettings(url, redmine, overrides));
}

/** Polls `probe` until it returns a value that is not undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000, explain?: () => Promise<unknown>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      last = undefined;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const state = explain ? ` (${JSON.stringify(await explain())})` : '';
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}${state}`);
}

interface IssueList {
  issues: { id: number; subject: string; custom_fields?: { id: number; value: string }[] }[];
  total_count: number;
}

/** The Redmine issues carrying this console id (through Redmine's own REST API). */
export async function issuesOf(redmine: RedmineServer, incidentId: string): Promise<IssueList['issues']> {
  const res = await redmine.rest<IssueList>('GET', `/issues.json?status_id=*&cf_${redmine.template.fields.consoleId}=${encodeURIComponent(incidentId)}&limit=100`);
  return res.json.issues;
}

export interface RedmineJournal {
  id: number;
  notes: string;
  user: { id: number; name: string };
  details: { property: string; name: string; new_value: string | null }[];
}

export async function issueWithJournals(redmine: RedmineServer, id: number) {
  const res = await redmine.rest<{
    issue: {
      id: number;
      subject: string;
      description: string;
      tracker: { name: string };
      status: { name: string };
      priority: { name: string };
      custom_fields: { id: number; name: string; value: string }[];
      journals: RedmineJournal[];
      attachments: { filename: string; filesize: number }[];
    };
  }>('GET', `/issues/${id}.json?include=journals,attachments`);
  return res.json.issue;
}

/** Exactly one ticket for the incident, and every step on it exactly once, in the journal's order; every file once. */
export async function expectUpstreamOnce(redmine: RedmineServer, t: Pick<TempCore, 'call'>, incidentId: string): Promise<void> {
  const issues = await issuesOf(redmine, incidentId);
  expect(issues, 'one ticket').toHaveLength(1);
  const issue = await issueWithJournals(redmine, issues[0]?.id ?? 0);
  const steps = (await t.call('incidents.timeline', { id: incidentId })).filter((e) => /^incident\.(?!reported$|upstream_)/.test(e.type));
  const markers = issue.journals.map((j) => /console-entry:([0-9a-f-]+)/.exec(j.notes)?.[1]).filter(Boolean);
  expect(markers, 'every step once, in order').toEqual(steps.map((s) => s.id));
  const files = steps.filter((s) => s.type === 'incident.attachment_added').map((s) => (s.payload as { fileName: string }).fileName);
  expect(issue.attachments.map((a) => a.filename).sort(), 'every file once').toEqual(files.sort());
}
