// The catalog's systems as the duty room reads them: names in the current language, and picker options.
import { useMemo } from 'react';
import { useContractQuery } from '../transport/use-contract';
import { useEnglish } from './incident-format';

export interface SystemsView {
  loaded: boolean;
  /** The system's name in the current language, or its id while the catalog loads or if it is unknown. */
  systemName(systemId: string): string;
  systemOptions: { value: string; label: string }[];
}

export function useSystems(): SystemsView {
  const english = useEnglish();
  const catalog = useContractQuery('catalog.list', {}, { staleTime: 60_000 });
  return useMemo(() => {
    const systems = catalog.data ?? [];
    const names = new Map(systems.map((s) => [s.id, english ? s.nameEn : s.nameZh]));
    return {
      loaded: catalog.data !== undefined,
      systemName: (systemId) => names.get(systemId) ?? systemId,
      systemOptions: systems.map((s) => ({ value: s.id, label: english ? s.nameEn : s.nameZh })),
    };
  }, [catalog.data, english]);
}
