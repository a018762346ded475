// Keeps the sync's cached queries fresh as the core pushes sync.changed: the header's status at once (the event
// carries it), the queue, parked items and tickets at most once a second (a drain pushes an event per item).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { coalesce } from '../alarms/coalesce';
import { consoleClient } from '../transport';

const refreshEveryMs = 1000;
/** What a sent, parked or pulled item changes besides the status: the lists, a record's ticket, an incident's timeline, a defect's or escalation's upstream state. */
const followers = /^sync\.(queue|parked|ticketOf|recordTicket|tickets)$|^incidents\.timeline$|^defects\.get$|^escalations\.list$/;

export function useSyncLive(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const refresh = coalesce<RegExp>(
      () => void queryClient.invalidateQueries({ predicate: (q) => followers.test(String(q.queryKey[0])) }),
      refreshEveryMs,
    );
    const off = consoleClient().subscribe('sync.changed', (status) => {
      queryClient.setQueryData(['sync.status', {}], status);
      refresh.add(followers);
    });
    return () => {
      refresh.cancel();
      off();
    };
  }, [queryClient]);
}
