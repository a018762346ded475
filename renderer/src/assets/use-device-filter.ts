// The register's search and filters, kept in the address so Back from a device returns to the same list.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { SearchInput } from '../../../shared/contract';
import { type DeviceStatus, deviceStatuses } from '../../../shared/domain/assets/device-status';

export interface DeviceFilter {
  q: string;
  systemId?: string;
  status?: DeviceStatus;
  building?: string;
  floor?: string;
  room?: string;
}

const keys = ['q', 'systemId', 'status', 'building', 'floor', 'room'] as const;

function isStatus(value: string | null): value is DeviceStatus {
  return deviceStatuses.some((s) => s === value);
}

/** The filter as `assets.search` and the export take it: empty parts left out. */
export function toSearchInput(filter: DeviceFilter): SearchInput {
  const input: SearchInput = { q: filter.q.trim() };
  for (const key of keys) {
    const value = filter[key];
    if (key !== 'q' && value) Object.assign(input, { [key]: value });
  }
  return input;
}

export function hasConditions(filter: DeviceFilter): boolean {
  return keys.some((key) => Boolean(filter[key]?.trim()));
}

export function useDeviceFilter(): [DeviceFilter, (next: DeviceFilter) => void] {
  const [params, setParams] = useSearchParams();
  const filter = useMemo<DeviceFilter>(() => {
    const status = params.get('status');
    return {
      q: params.get('q') ?? '',
      systemId: params.get('systemId') || undefined,
      status: isStatus(status) ? status : undefined,
      building: params.get('building') || undefined,
      floor: params.get('floor') || undefined,
      room: params.get('room') || undefined,
    };
  }, [params]);
  const setFilter = useCallback(
    (next: DeviceFilter) => {
      const out = new URLSearchParams();
      for (const key of keys) {
        const value = next[key];
        if (value) out.set(key, value);
      }
      // Typing replaces the entry, so Back leaves the register instead of stepping through keystrokes.
      setParams(out, { replace: true });
    },
    [setParams],
  );
  return [filter, setFilter];
}
