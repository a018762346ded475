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

/** Keeps cached asset and problem-record queries fresh when the core says they changed (another window, an import). */
export function useLiveInvalidation(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      consoleClient().subscribe('assets.changed', () => {
        void queryClient.invalidateQueries({ predicate: (q) => /^(assets|spares|catalog)\./.test(String(q.queryKey[0])) });
      }),
    [queryClient],
  );
  useEffect(
    () =>
      consoleClient().subscribe('problems.changed', () => {
        void queryClient.invalidateQueries({ predicate: (q) => /^(defects|consultations)\./.test(String(q.queryKey[0])) });
      }),
    [queryClient],
  );
}
