// The reports page's filter in the address (?from=&to=&system=&location=): kept across a visit to an incident and back.
import dayjs from 'dayjs';
import type { ReportFilter } from '../../../shared/contract';

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** Missing or unreadable: this month so far. */
export function filterFromParams(params: URLSearchParams, today = dayjs()): ReportFilter {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const valid = dayPattern.test(from) && dayPattern.test(to) && from <= to;
  return {
    from: valid ? from : today.startOf('month').format('YYYY-MM-DD'),
    to: valid ? to : today.format('YYYY-MM-DD'),
    systemId: params.get('system') || null,
    location: params.get('location') ?? '',
  };
}

export function filterToParams(filter: ReportFilter): Record<string, string> {
  const params: Record<string, string> = { from: filter.from, to: filter.to };
  if (filter.systemId) params.system = filter.systemId;
  if (filter.location) params.location = filter.location;
  return params;
}
