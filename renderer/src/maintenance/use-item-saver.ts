// Saves a task's items as they are filled in. Each change is kept in the page's storage until the core has committed
// it, so what was typed survives the console stopping mid-save (it is sent again when the task opens next).
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ItemResult } from '../../../shared/contract';
import type { ItemValue } from '../../../shared/domain/maintenance/checklist-items';
import { consoleClient } from '../transport';

export type SaveStatus = { state: 'saving' } | { state: 'saved' } | { state: 'failed'; error: unknown };

/** How long typing may pause before what was typed is saved (leaving the field saves at once). */
const typingPauseMs = 600;

const resultKey = (deviceId: string, itemId: string) => `${deviceId}/${itemId}`;

export interface ItemSaver {
  valueOf(deviceId: string, itemId: string): ItemValue | undefined;
  statusOf(deviceId: string, itemId: string): SaveStatus | undefined;
  /** `typing`: saved after a pause or on `flush`; `now`: saved at once (a button, a choice). */
  change(deviceId: string, itemId: string, value: ItemValue, mode: 'now' | 'typing'): void;
  flush(deviceId: string, itemId: string): void;
}

export function useItemSaver(taskId: string, results: ItemResult[] | undefined): ItemSaver {
  const storageKey = `duty-console-maintenance-drafts:${taskId}`;
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<Record<string, ItemValue>>({});
  const [statuses, setStatuses] = useState<Record<string, SaveStatus>>({});
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const latest = useRef<Record<string, ItemValue>>({});

  const stored = useCallback((): Record<string, ItemValue> => {
    try {
      return JSON.parse(localStorage.getItem(storageKey) ?? '{}') as Record<string, ItemValue>;
    } catch {
      return {};
    }
  }, [storageKey]);
  const store = useCallback(
    (key: string, value: ItemValue | null) => {
      const all = stored();
      if (value === null) delete all[key];
      else all[key] = value;
      if (Object.keys(all).length) localStorage.setItem(storageKey, JSON.stringify(all));
      else localStorage.removeItem(storageKey);
    },
    [stored, storageKey],
  );

  const send = useCallback(
    async (key: string) => {
      timers.current.delete(key);
      const value = latest.current[key];
      if (!value) return;
      const [deviceId = '', itemId = ''] = key.split('/');
      setStatuses((s) => ({ ...s, [key]: { state: 'saving' } }));
      try {
        await consoleClient().invoke('maintenance.saveResult', { taskId, deviceId, itemId, value });
        // Something typed while this was on its way is still pending: keep its draft.
        if (latest.current[key] === value) store(key, null);
        setStatuses((s) => ({ ...s, [key]: { state: 'saved' } }));
        void queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('maintenance.') });
      } catch (error) {
        setStatuses((s) => ({ ...s, [key]: { state: 'failed', error } }));
      }
    },
    [queryClient, store, taskId],
  );

  // Drafts a stopped console never acknowledged: shown at once and sent again.
  useEffect(() => {
    const pending = stored();
    latest.current = { ...pending };
    setDrafts(pending);
    for (const key of Object.keys(pending)) void send(key);
    const pendingTimers = timers.current;
    return () => {
      for (const timer of pendingTimers.values()) clearTimeout(timer);
    };
  }, [stored, send]);

  const byKey = new Map((results ?? []).map((r) => [resultKey(r.deviceId, r.itemId), r.value]));
  return {
    valueOf: (deviceId, itemId) => {
      const key = resultKey(deviceId, itemId);
      return drafts[key] ?? byKey.get(key);
    },
    statusOf: (deviceId, itemId) => statuses[resultKey(deviceId, itemId)],
    change(deviceId, itemId, value, mode) {
      const key = resultKey(deviceId, itemId);
      latest.current[key] = value;
      store(key, value);
      setDrafts((d) => ({ ...d, [key]: value }));
      clearTimeout(timers.current.get(key));
      if (mode === 'now') void send(key);
      else timers.current.set(key, setTimeout(() => void send(key), typingPauseMs));
    },
    flush(deviceId, itemId) {
      const key = resultKey(deviceId, itemId);
      if (!timers.current.has(key)) return;
      clearTimeout(timers.current.get(key));
      void send(key);
    },
  };
}
