// The register's rows, fetched in pages of 100 for the part of the list on screen, so 100,000 devices scroll smoothly.
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DeviceListItem, SearchInput, SearchResult } from '../../../shared/contract';
import { consoleClient } from '../transport';
import { useContractQuery } from '../transport/use-contract';

export const devicePageSize = 100;

export interface DeviceRows {
  /** How many devices match; undefined until the first page has come back. */
  total: number | undefined;
  /** The core stopped counting at `total`: more match than it counted. */
  totalCapped: boolean;
  /** How many rows the table offers: `total`, or past a capped count as far as pages have been found full. */
  rowCount: number;
  /** The rows on screen still belong to the previous search. */
  stale: boolean;
  error: unknown;
  refetch(): void;
  rowAt(index: number): DeviceListItem | undefined;
  /** The table tells which rows are on screen; their pages are fetched. */
  showRange(firstIndex: number, lastIndex: number): void;
}

/** Past a capped count, the table reaches this much further each time its end is found full. */
const cappedGrowth = 10_000;

/** How long the visible range must hold still before its pages are asked for, so a dragged scrollbar asks once. */
const settleMs = 60;

function pageInput(input: SearchInput, page: number): SearchInput {
  return { ...input, offset: page * devicePageSize, limit: devicePageSize };
}

export function useDeviceRows(input: SearchInput): DeviceRows {
  const inputKey = JSON.stringify(input);
  const [range, setRange] = useState({ inputKey, first: 0, last: 0 });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  // The first page carries the count; while a new search runs, the previous answer stays on screen.
  const first = useContractQuery('assets.search', pageInput(input, 0), { placeholderData: keepPreviousData });

  // Pages asked for belong to this search only: a range reported for an older search is ignored.
  const pages = useMemo(() => {
    if (range.inputKey !== inputKey) return [];
    const out: number[] = [];
    for (let p = Math.max(1, range.first); p <= range.last; p += 1) out.push(p);
    return out;
  }, [range, inputKey]);

  const rest = useQueries({
    queries: pages.map((page) => {
      const args = pageInput(input, page);
      return {
        queryKey: ['assets.search', args],
        queryFn: () => consoleClient().invoke('assets.search', args),
        gcTime: 60_000,
      };
    }),
  });

  const byPage = new Map<number, SearchResult>();
  if (first.data) byPage.set(0, first.data);
  pages.forEach((page, i) => {
    const data = rest[i]?.data;
    if (data) byPage.set(page, data);
  });

  const showRange = useCallback(
    (firstIndex: number, lastIndex: number) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        // Half a page either side is fetched ahead, so steady scrolling rarely meets an empty row.
        const ahead = devicePageSize / 2;
        const next = {
          inputKey,
          first: Math.floor(Math.max(0, firstIndex - ahead) / devicePageSize),
          last: Math.floor((lastIndex + ahead) / devicePageSize),
        };
        setRange((prev) => (prev.inputKey === next.inputKey && prev.first === next.first && prev.last === next.last ? prev : next));
      }, settleMs);
    },
    [inputKey],
  );

  const capped = first.data?.totalCapped === true;
  const total = first.data?.total;

  // A capped count is a floor: the rows reached so far, and a short page marks the true end.
  // Measured afresh for each search and each new answer to it (devices come and go).
  const answer = `${inputKey}@${first.dataUpdatedAt}`;
  const reach = useRef({ answer, rows: 0, end: undefined as number | undefined });
  if (reach.current.answer !== answer || first.isPlaceholderData) reach.current = { answer, rows: 0, end: undefined };
  for (const [page, data] of byPage) {
    if (first.isPlaceholderData) break;
    const last = page * devicePageSize + data.items.length;
    reach.current.rows = Math.max(reach.current.rows, last);
    // A short page ends the list; an empty one fetched ahead only says the end is no later.
    if (data.items.length < devicePageSize) reach.current.end = Math.min(reach.current.end ?? last, last);
  }
  const rowCount =
    total === undefined ? 0 : !capped ? total : (reach.current.end ?? Math.max(total, reach.current.rows + (reach.current.rows >= total ? cappedGrowth : 0)));

  return {
    total,
    totalCapped: capped,
    rowCount,
    stale: first.isPlaceholderData,
    error: first.error ?? rest.find((r) => r.error)?.error ?? null,
    refetch: () => void first.refetch(),
    rowAt: (index) => byPage.get(Math.floor(index / devicePageSize))?.items[index % devicePageSize],
    showRange,
  };
}
