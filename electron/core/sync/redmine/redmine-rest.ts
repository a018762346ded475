// Redmine's REST calls (reference/redmine.md) over upstream-http.ts, with its answers sorted into AppError codes.
import { AppError } from '../../../../shared/contract/app-error';
import { type HttpTransportOptions, sendHttp } from '../upstream-http';

export interface RedmineEndpoint {
  /** The base URL without a trailing slash. */
  baseUrl: string;
  apiKey: string;
  transport: HttpTransportOptions;
}

export interface RestAnswer<T> {
  status: number;
  json: T | null;
}

/** Redmine's 422 body: `{"errors": ["Subject cannot be blank", …]}`. */
function refusalText(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errors?: unknown };
    if (Array.isArray(parsed.errors)) return parsed.errors.map(String).join('; ').slice(0, 500);
  } catch {
    // not JSON: the raw text below says what there is
  }
  return body.toString('utf8').slice(0, 200);
}

/**
 * Sends one call. Answers the caller may want to handle (`accept`, e.g. 404 for a lookup) come back as they are;
 * others throw: 401 sync_key_refused, 403 sync_forbidden, 404 sync_not_found, 422 sync_refused (the reasons in
 * params.reason), 5xx sync_server_error (the call may have been acted on), other sync_unexpected_status.
 */
export async function redmineCall<T>(
  endpoint: RedmineEndpoint,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  options: { json?: unknown; bytes?: Buffer; accept?: number[] } = {},
): Promise<RestAnswer<T>> {
  const headers: Record<string, string> = { 'x-redmine-api-key': endpoint.apiKey, accept: 'application/json' };
  let body: Buffer | undefined;
  if (options.json !== undefined) {
    body = Buffer.from(JSON.stringify(options.json), 'utf8');
    headers['content-type'] = 'application/json';
  } else if (options.bytes) {
    body = options.bytes;
    headers['content-type'] = 'application/octet-stream';
  }
  const res = await sendHttp({ method, url: `${endpoint.baseUrl}${path}`, headers, body }, endpoint.transport);
  const params = { method, path: path.split('?')[0] ?? path, status: res.status };
  if (res.status >= 200 && res.status < 300) {
    const text = res.body.toString('utf8');
    return { status: res.status, json: text.trim() ? (JSON.parse(text) as T) : null };
  }
  if (options.accept?.includes(res.status)) return { status: res.status, json: null };
  if (res.status === 401) throw new AppError('sync_key_refused', 'sync_key_refused', params);
  if (res.status === 403) throw new AppError('sync_forbidden', 'sync_forbidden', params);
  if (res.status === 404) throw new AppError('sync_not_found', 'sync_not_found', params);
  if (res.status === 422) throw new AppError('sync_refused', 'sync_refused', { ...params, reason: refusalText(res.body) });
  if (res.status >= 500) throw new AppError('sync_server_error', 'sync_server_error', params);
  throw new AppError('sync_unexpected_status', 'sync_unexpected_status', params);
}
