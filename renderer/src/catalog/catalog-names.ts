// A catalog entry's name in the UI's language, and in the other language as a secondary line.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface BilingualName {
  nameZh: string;
  nameEn: string;
}

export interface CatalogNames {
  primary: (entry: BilingualName) => string;
  secondary: (entry: BilingualName) => string;
}

export function useCatalogNames(): CatalogNames {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  return useMemo(
    () => ({
      primary: (entry) => (english ? entry.nameEn : entry.nameZh),
      secondary: (entry) => (english ? entry.nameZh : entry.nameEn),
    }),
    [english],
  );
}
