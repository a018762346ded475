// React hooks over the client: queries cached by TanStack Query, commands that refresh what they change.
import { type UseQueryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { AppError, EventMap, EventName, MethodInput, MethodName, MethodResult } from '../../../shared/contract';
import { consoleClient } from './index';

export function useContractQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: Omit<UseQueryOptions<MethodResult<M>, AppError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<MethodResult<M>, AppError>({
    queryKey: [method, input],
    queryFn: () => consoleClient().invoke(method, input),
    ...options,
  });
}

/** A change; on success every cached query whose method starts with one of `invalidates` is refetched. */
export function useContractCommand<M extends MethodName>(method: M, invalidates: string[] = []) {
  const queryClient = useQueryClient();
  return useMutation<MethodResult<M>, AppError, MethodInput<M>>({
    mutationFn: (input) => consoleClient().invoke(method, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({
        predicate: (q) => invalidates.some((prefix) => String(q.queryKey[0]).startsWith(prefix)),
      });
    },
  });
}

export function useContractEvent<E extends EventName>(event: E, handler: (payload: EventMap[E]) => void): void {
  useEffect(() => consoleClient().subscribe(event, handler), [event, handler]);
}

/** Which cached queries each pushed event makes stale: the one table of it. */
const staleAfter: { event: 'assets.changed' | 'maintenance.changed' | 'problems.changed'; queries: RegExp }[] = [
  { event: 'assets.changed', queries: /^(assets|spares|catalog|repairs)\./ },
  { event: 'maintenance.changed', queries: /^maintenance\./ },
  { event: 'problems.changed', queries: /^(defects|consultations)\./ },
];

/** Keeps cached queries fresh when the core says their data changed (another window, an import, a plan's new task). */
export function useLiveInvalidation(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const stops = staleAfter.map(({ event, queries }) =>
      consoleClient().subscribe(event, () => void queryClient.invalidateQueries({ predicate: (q) => queries.test(String(q.queryKey[0])) })),
    );
    return () => stops.forEach((stop) => stop());
  }, [queryClient]);
}
