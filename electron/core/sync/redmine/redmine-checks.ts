// "Test connection" against Redmine: URL, TLS, proxy, key, project and every mapped name, each in plain words.
import { AppError } from '../../../../shared/contract/app-error';
import type { SyncCheck, SyncMapping } from '../../../../shared/contract/sync';
import { fieldId, type RedmineCatalog, readCatalog } from './redmine-mapping';
import type { RedmineEndpoint } from './redmine-rest';

const check = (key: SyncCheck['key'], ok: boolean, code: string, params: SyncCheck['params'] = {}): SyncCheck => ({ key, ok, code, params });

/** What a failed first call says about the link: the URL, TLS, the proxy, or the key. */
function linkFailure(err: unknown, url: string): SyncCheck[] {
  const e = err instanceof AppError ? err : new AppError('sync_connection_lost', 'sync_connection_lost', { reason: String(err) });
  const reason = String(e.params.reason ?? e.params.status ?? '');
  switch (e.code) {
    case 'sync_unreachable':
    case 'sync_timeout':
    case 'sync_connection_lost':
      return [check('url', false, 'url_unreachable', { url, reason })];
    case 'sync_tls_failed':
      return [check('url', true, 'url_reachable', { url }), check('tls', false, 'tls_untrusted', { reason })];
    case 'sync_ca_file_unreadable':
      return [check('tls', false, 'ca_file_unreadable', { path: String(e.params.path ?? ''), reason })];
    case 'sync_proxy_failed':
      return [check('proxy', false, 'proxy_failed', { proxy: String(e.params.proxy ?? ''), reason })];
    case 'sync_key_refused':
      return [check('url', true, 'url_reachable', { url }), check('key', false, 'key_refused')];
    case 'sync_forbidden':
      return [check('url', true, 'url_reachable', { url }), check('key', false, 'rest_disabled_or_forbidden')];
    case 'sync_not_found':
      return [check('url', false, 'url_not_redmine', { url })];
    default:
      return [check('url', false, 'url_unexpected_answer', { url, code: e.code, reason })];
  }
}

function mappingChecks(catalog: RedmineCatalog, project: string, mapping: SyncMapping): SyncCheck[] {
  const checks: SyncCheck[] = [];
  const p = catalog.project;
  checks.push(p ? check('project', true, 'project_found', { project }) : check('project', false, 'project_missing', { project }));
  const has = (list: { name: string }[], name: string) => list.some((x) => x.name.toLowerCase() === name.toLowerCase());
  for (const name of new Set(Object.values(mapping.trackers))) {
    if (!p) break;
    checks.push(has(p.trackers, name) ? check('tracker', true, 'tracker_found', { name }) : check('tracker', false, 'tracker_missing', { name, project }));
  }
  for (const name of new Set([...Object.values(mapping.outboundStatuses), ...Object.values(mapping.recordStatuses), ...mapping.inboundStatuses.map((s) => s.upstream)])) {
    checks.push(has(catalog.statuses, name) ? check('status', true, 'status_found', { name }) : check('status', false, 'status_missing', { name }));
  }
  for (const name of new Set(Object.values(mapping.priorities))) {
    checks.push(has(catalog.priorities, name) ? check('priority', true, 'priority_found', { name }) : check('priority', false, 'priority_missing', { name }));
  }
  const fields: [string, boolean][] = [
    [mapping.customFields.consoleId, true],
    [mapping.customFields.slaLevel, false],
    [mapping.customFields.site, false],
  ];
  for (const [name, mustFilter] of fields) {
    if (!name) continue;
    const id = fieldId(catalog, name);
    if (id === null) {
      checks.push(
        catalog.customFields
          ? check('custom_field', false, 'custom_field_missing', { name })
          : check('custom_field', false, 'custom_field_unlisted', { name }),
      );
      continue;
    }
    const field = catalog.customFields?.find((f) => f.id === id);
    if (field && mustFilter && !field.is_filter) checks.push(check('custom_field', false, 'custom_field_not_filterable', { name }));
    else checks.push(check('custom_field', true, 'custom_field_found', { name, id }));
  }
  return checks;
}

export async function checkRedmine(endpoint: RedmineEndpoint, project: string, mapping: SyncMapping): Promise<SyncCheck[]> {
  const url = endpoint.baseUrl;
  let catalog: RedmineCatalog;
  try {
    catalog = await readCatalog(endpoint, project);
  } catch (err) {
    return linkFailure(err, url);
  }
  const secure = url.startsWith('https:');
  return [
    check('url', true, 'url_reachable', { url }),
    secure ? check('tls', true, 'tls_verified') : check('tls', true, 'tls_not_used'),
    ...(endpoint.transport.proxyUrl ? [check('proxy', true, 'proxy_ok', { proxy: endpoint.transport.proxyUrl })] : []),
    check('key', true, 'key_accepted', { login: catalog.user.login }),
    ...mappingChecks(catalog, project, mapping),
  ];
}
