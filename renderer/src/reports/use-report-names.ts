// Names the reports print for the core's keys: systems from the catalog, levels and milestones from i18n.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isSlaLevel } from '../../../shared/domain/incidents/sla-levels';
import { useCatalogNames } from '../catalog/catalog-names';
import { useContractQuery } from '../transport/use-contract';

export interface ReportNames {
  system(id: string | null): string;
  type(systemId: string, typeId: string): string;
  level(key: string): string;
  loaded: boolean;
}

export function useReportNames(): ReportNames {
  const { t } = useTranslation('reports');
  const names = useCatalogNames();
  const catalog = useContractQuery('catalog.list', {}, { staleTime: 60_000 });
  return useMemo(() => {
    const systems = catalog.data ?? [];
    return {
      system: (id) => {
        const s = systems.find((x) => x.id === id);
        return s ? names.primary(s) : (id ?? '');
      },
      type: (systemId, typeId) => {
        const type = systems.find((x) => x.id === systemId)?.types.find((x) => x.id === typeId);
        return type ? names.primary(type) : typeId;
      },
      level: (key) => (isSlaLevel(key) ? t(`level.${key}`) : key === 'all' ? t('sla.all') : key),
      loaded: catalog.data !== undefined,
    };
  }, [catalog.data, names, t]);
}
