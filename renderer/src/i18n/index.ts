// i18next set-up: Simplified Chinese by default, English on a switch, remembered per machine.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { assetsEn, assetsZh } from '../assets/i18n';
import { transferEn, transferZh } from '../assets/transfer-i18n';
import { alarmsEn, alarmsErrorsEn, alarmsErrorsZh, alarmsZh } from '../alarms/i18n';
import { auditEn, auditErrorsEn, auditErrorsZh, auditZh } from '../audit/i18n';
import { backupsEn, backupsErrorsEn, backupsErrorsZh, backupsZh } from '../backups/i18n';
import { catalogEn, catalogZh } from '../catalog/i18n';
import { devicesErrorsEn, devicesErrorsZh } from '../devices/errors-i18n';
import { devicesEn, devicesZh } from '../devices/i18n';
import { dispatchEn, dispatchErrorsEn, dispatchErrorsZh, dispatchZh } from '../dispatch/i18n';
import { dutyEn, dutyErrorsEn, dutyErrorsZh, dutyZh } from '../duty/i18n';
import { escalationsEn, escalationsErrorsEn, escalationsErrorsZh, escalationsZh } from '../escalations/i18n';
import { incidentsEn, incidentsZh } from '../incidents/i18n';
import { reportEn, reportZh } from '../incidents/report-i18n';
import { maintenanceEn, maintenanceErrorsEn, maintenanceErrorsZh, maintenanceZh } from '../maintenance/i18n';
import { hotlineEn, hotlineZh } from '../operators/hotline-i18n';
import { operatorsEn, operatorsZh } from '../operators/i18n';
import { powerEn, powerZh } from '../power/i18n';
import { problemsEn, problemsErrorsEn, problemsErrorsZh, problemsZh } from '../problems/i18n';
import { repairsEn, repairsErrorsEn, repairsErrorsZh, repairsZh } from '../repairs/i18n';
import { readingsEn, readingsErrorsEn, readingsErrorsZh, readingsZh } from '../readings/i18n';
import { reportsEn, reportsZh } from '../reports/i18n';
import { sparesEn, sparesZh } from '../spares/i18n';
import { syncErrorsEn, syncErrorsZh } from '../sync/errors-i18n';
import { syncEn, syncZh } from '../sync/i18n';
import { wallEn, wallZh } from '../wall/i18n';
import { updatesEn, updatesErrorsEn, updatesErrorsZh, updatesZh } from '../updates/i18n';
import { commonEn, commonZh, errorsEn, errorsZh } from './common';
import { datesFollowLanguage } from './date-locale';

export type Language = 'zh-CN' | 'en';
const storageKey = 'duty-console-language';

export function savedLanguage(): Language {
  return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';
}

export function saveLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
}

export const i18n = i18next.createInstance();
datesFollowLanguage(i18n);

void i18n.use(initReactI18next).init({
  lng: savedLanguage(),
  fallbackLng: 'zh-CN',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  resources: {
    'zh-CN': { common: commonZh, operators: operatorsZh, errors: { ...errorsZh, ...dutyErrorsZh, ...alarmsErrorsZh, ...devicesErrorsZh, ...auditErrorsZh, ...syncErrorsZh, ...maintenanceErrorsZh, ...problemsErrorsZh, ...escalationsErrorsZh, ...dispatchErrorsZh, ...repairsErrorsZh, ...readingsErrorsZh, ...backupsErrorsZh, ...updatesErrorsZh }, repairs: repairsZh, maintenance: maintenanceZh, dispatch: dispatchZh, problems: problemsZh, escalations: escalationsZh, duty: dutyZh, alarms: alarmsZh, devices: devicesZh, audit: auditZh, assets: assetsZh, transfer: transferZh, spares: sparesZh, catalog: catalogZh, incidents: incidentsZh, report: reportZh, hotline: hotlineZh, sync: syncZh, readings: readingsZh, wall: wallZh, reports: reportsZh, backups: backupsZh, updates: updatesZh, power: powerZh },
    en: { common: commonEn, operators: operatorsEn, errors: { ...errorsEn, ...dutyErrorsEn, ...alarmsErrorsEn, ...devicesErrorsEn, ...auditErrorsEn, ...syncErrorsEn, ...maintenanceErrorsEn, ...problemsErrorsEn, ...escalationsErrorsEn, ...dispatchErrorsEn, ...repairsErrorsEn, ...readingsErrorsEn, ...backupsErrorsEn, ...updatesErrorsEn }, repairs: repairsEn, maintenance: maintenanceEn, dispatch: dispatchEn, problems: problemsEn, escalations: escalationsEn, duty: dutyEn, alarms: alarmsEn, devices: devicesEn, audit: auditEn, assets: assetsEn, transfer: transferEn, spares: sparesEn, catalog: catalogEn, incidents: incidentsEn, report: reportEn, hotline: hotlineEn, sync: syncEn, readings: readingsEn, wall: wallEn, reports: reportsEn, backups: backupsEn, updates: updatesEn, power: powerEn },
  },
});
