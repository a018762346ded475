// Keeps every cached alarm and device query fresh as the core pushes alarms and link changes.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { consoleClient } from '../transport';

export function useAlarmsLive(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const refresh = (prefix: RegExp) => void queryClient.invalidateQueries({ predicate: (q) => prefix.test(String(q.queryKey[0])) });
    const client = consoleClient();
    // An alarm changes a device's active-alarm count too.
    const offRaised = client.subscribe('alarms.raised', () => refresh(/^alarms\.|^devices\.(list|get)$/));
    const offChanged = client.subscribe('alarms.changed', () => refresh(/^alarms\.|^devices\.(list|get)$/));
    const offDevices = client.subscribe('devices.changed', () => refresh(/^devices\.(list|get)$/));
    return () => {
      offRaised();
      offChanged();
      offDevices();
    };
  }, [queryClient]);
}
