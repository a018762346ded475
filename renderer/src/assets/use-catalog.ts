// The catalog as the register's screens read it: systems, types and brands named in the current language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogSystem } from '../../../shared/contract';
import { unclassifiedSystemId } from '../../../shared/domain/assets/catalog';
import { useContractQuery } from '../transport/use-contract';

export interface CatalogView {
  systems: CatalogSystem[];
  loaded: boolean;
  /** The system's name in the current language, or its id while the catalog loads or if it is unknown. */
  systemName(systemId: string): string;
  typeName(systemId: string, typeId: string | null): string;
  /** Select options: value is the id, label the name in the current language. */
  systemOptions: { value: string; label: string }[];
  typeOptions(systemId: string | undefined): { value: string; label: string }[];
  brandNames(systemId: string | undefined): string[];
}

export function useCatalog(): CatalogView {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  const catalog = useContractQuery('catalog.list', {}, { staleTime: 60_000 });
  return useMemo(() => catalogView(catalog.data, english), [catalog.data, english]);
}

/** The view over a catalog read some other way (the record's PDF page gets its systems with the record). */
export function catalogView(data: CatalogSystem[] | undefined, english: boolean): CatalogView {
  // "Not known" is for reports only: no device is ever filed under it.
  const systems = (data ?? []).filter((s) => s.id !== unclassifiedSystemId);
  const bySystem = new Map(systems.map((s) => [s.id, s]));
  const name = (entry: { nameZh: string; nameEn: string }) => (english ? entry.nameEn : entry.nameZh);
  return {
    systems,
    loaded: data !== undefined,
    systemName: (systemId) => {
      const system = bySystem.get(systemId);
      return system ? name(system) : systemId;
    },
    typeName: (systemId, typeId) => {
      if (!typeId) return '';
      const type = bySystem.get(systemId)?.types.find((t) => t.id === typeId);
      return type ? name(type) : typeId;
    },
    systemOptions: systems.map((s) => ({ value: s.id, label: name(s) })),
    typeOptions: (systemId) => (systemId ? (bySystem.get(systemId)?.types ?? []).map((t) => ({ value: t.id, label: name(t) })) : []),
    brandNames: (systemId) => (systemId ? (bySystem.get(systemId)?.brands ?? []).map(name) : []),
  };
}
