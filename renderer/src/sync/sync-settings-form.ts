// The settings form's values and what is sent: the key only when the administrator typed a new one.
import type { SyncSettingsInput, SyncSettingsView } from '../../../shared/contract';

export type SyncSettingsFormValues = Omit<SyncSettingsView, 'apiKeySet' | 'updatedAt' | 'connector'> & { apiKey?: string };

export function formValuesOf(view: SyncSettingsView): SyncSettingsFormValues {
  const { apiKeySet: _set, updatedAt: _at, connector: _connector, ...values } = view;
  return values;
}

/** What saveSettings / testConnection get: an empty or untouched key field keeps the stored key (omitted). */
export function settingsInputOf(values: SyncSettingsFormValues): SyncSettingsInput {
  const { apiKey, ...rest } = values;
  const key = apiKey?.trim();
  return { ...rest, connector: 'redmine', ...(key ? { apiKey: key } : {}) };
}
