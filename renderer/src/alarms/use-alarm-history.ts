// Alarm history a page at a time, newest first: each further page starts before the oldest alarm already shown.
import { type InfiniteData, useInfiniteQuery } from '@tanstack/react-query';
import type { AlarmList, AppError } from '../../../shared/contract';
import { consoleClient } from '../transport';

const pageSize = 200;

export function useAlarmHistory(deviceId: string | undefined) {
  const query = useInfiniteQuery<AlarmList, AppError, InfiniteData<AlarmList>, readonly unknown[], number | undefined>({
    // Starts with the method name, so every 'alarms.' invalidation refreshes it too.
    queryKey: ['alarms.list', { scope: 'all', deviceId, paged: true }],
    initialPageParam: undefined,
    queryFn: ({ pageParam }) =>
      consoleClient().invoke('alarms.list', { scope: 'all', deviceId, limit: pageSize, ...(pageParam !== undefined ? { beforeRaisedAt: pageParam } : {}) }),
    getNextPageParam: (last) => (last.items.length < pageSize ? undefined : last.items[last.items.length - 1]!.raisedAt),
  });
  const seen = new Set<string>();
  // Two alarms raised in the same millisecond can straddle a page boundary: show each once.
  const items = (query.data?.pages ?? []).flatMap((p) => p.items).filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
  return { ...query, items };
}
