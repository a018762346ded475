// A checklist's name in the current language.
import { useTranslation } from 'react-i18next';

export function useTemplateName(): (t: { nameZh: string; nameEn: string }) => string {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (t) => (english ? t.nameEn : t.nameZh);
}
