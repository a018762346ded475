// Dates follow the language at once: dayjs's locale is set as i18next switches, before React renders in the new
// language (an effect in App ran after that render, so a list could say 几秒前 on an English screen until it changed).
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { i18n as I18n } from 'i18next';

export function datesFollowLanguage(i18n: I18n): void {
  i18n.on('languageChanged', (language: string) => dayjs.locale(language === 'en' ? 'en' : 'zh-cn'));
}
