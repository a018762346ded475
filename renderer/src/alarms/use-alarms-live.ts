// Keeps every cached alarm and device query fresh as the core pushes alarms and link changes.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { consoleClient } from '../transport';
import { coalesce } from './coalesce';

/** A receiver emptying its buffer pushes thousands of events a second: the lists refresh at most once a second (a person cannot read faster). */
const refreshEveryMs = 1000;
const alarmsAndDevices = /^alarms\.|^devices\.(list|get)$/;
const devices = /^devices\.(list|get)$/;

export function useAlarmsLive(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    // The first event refreshes at once (a new alarm shows without delay); those right after it share one refresh.
    const refresh = coalesce<RegExp>(
      (prefixes) => void queryClient.invalidateQueries({ predicate: (q) => prefixes.some((prefix) => prefix.test(String(q.queryKey[0]))) }),
      refreshEveryMs,
    );
    const client = consoleClient();
    // An alarm changes a device's active-alarm count too.
    const offRaised = client.subscribe('alarms.raised', () => refresh.add(alarmsAndDevices));
    const offChanged = client.subscribe('alarms.changed', () => refresh.add(alarmsAndDevices));
    const offDevices = client.subscribe('links.changed', () => refresh.add(devices));
    return () => {
      refresh.cancel();
      offRaised();
      offChanged();
      offDevices();
    };
  }, [queryClient]);
}
