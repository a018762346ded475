// The upstream's settings: read (the key never leaves, only whether one is stored), saved by an administrator
// (journaled without the key), and opened for the engine (the key unsealed only there).
import type { MethodArgs } from '../../../shared/contract';
import { type SyncMapping, syncMappingSchema, type SyncSettingsView } from '../../../shared/contract/sync';
import { defaultSyncMapping } from '../../../shared/domain/sync/default-mapping';
import type { CallContext, CoreContext } from '../context';
import type { Db } from '../db/database';
import type { SecretBox } from '../devices/secret-box';
import { inTransaction } from '../journal/service';
import type { SyncSettingsTable } from './schema';

export type SyncSettingsInputArgs = MethodArgs<'sync.saveSettings'>;

/** The settings with the key unsealed: for the engine and the connection test only. */
export interface OpenedSyncSettings extends Omit<SyncSettingsView, 'apiKeySet'> {
  apiKey: string;
}

const unset: SyncSettingsView = {
  enabled: false,
  connector: 'redmine',
  url: '',
  project: '',
  siteName: '',
  caFilePath: '',
  proxyUrl: '',
  mapping: defaultSyncMapping,
  apiKeySet: false,
  updatedAt: null,
};

function parseMapping(text: string): SyncMapping {
  const parsed = syncMappingSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : defaultSyncMapping;
}

function toView(row: SyncSettingsTable | undefined): SyncSettingsView {
  if (!row) return unset;
  return {
    enabled: row.enabled === 1,
    connector: 'redmine',
    url: row.url,
    project: row.project,
    siteName: row.site_name,
    caFilePath: row.ca_file_path,
    proxyUrl: row.proxy_url,
    mapping: parseMapping(row.mapping),
    apiKeySet: row.api_key_sealed !== null,
    updatedAt: row.updated_at,
  };
}

export async function readSyncSettings(db: Db): Promise<SyncSettingsView> {
  return toView(await db.selectFrom('sync_settings').selectAll().where('id', '=', 1).executeTakeFirst());
}

/** The settings with the key unsealed, or null while URL, key or project are missing. */
export async function openSyncSettings(db: Db, secrets: SecretBox): Promise<OpenedSyncSettings | null> {
  const row = await db.selectFrom('sync_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row || !row.api_key_sealed || !row.url || !row.project) return null;
  const { apiKeySet: _set, ...view } = toView(row);
  return { ...view, apiKey: secrets.open(row.api_key_sealed) };
}

/** Form values (from a connection test) over the stored ones: an omitted key means the stored key. */
export async function settingsForTest(db: Db, secrets: SecretBox, input: SyncSettingsInputArgs): Promise<OpenedSyncSettings> {
  const row = await db.selectFrom('sync_settings').select('api_key_sealed').where('id', '=', 1).executeTakeFirst();
  const apiKey = input.apiKey ?? (row?.api_key_sealed ? secrets.open(row.api_key_sealed) : '');
  const { apiKey: _k, ...rest } = input;
  return { ...rest, apiKey, updatedAt: null };
}

export async function saveSyncSettings(ctx: CoreContext, secrets: SecretBox, call: CallContext, input: SyncSettingsInputArgs): Promise<SyncSettingsView> {
  const now = ctx.clock.now();
  await inTransaction(ctx, async (trx, journal) => {
    const before = await trx.selectFrom('sync_settings').select('api_key_sealed').where('id', '=', 1).executeTakeFirst();
    const sealed = input.apiKey !== undefined ? secrets.seal(input.apiKey) : (before?.api_key_sealed ?? null);
    const row: SyncSettingsTable = {
      id: 1,
      enabled: input.enabled ? 1 : 0,
      connector: input.connector,
      url: input.url,
      project: input.project,
      site_name: input.siteName,
      ca_file_path: input.caFilePath,
      proxy_url: input.proxyUrl,
      mapping: JSON.stringify(input.mapping),
      api_key_sealed: sealed,
      updated_at: now,
    };
    await trx.insertInto('sync_settings').values(row).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
    const { apiKey: _key, ...recorded } = input;
    // The key itself is never journaled: only that it changed.
    await journal({ type: 'sync.settings_saved', entityType: 'sync', entityId: 'settings', payload: { ...recorded, apiKeyChanged: input.apiKey !== undefined }, operator: call.operator });
  });
  return readSyncSettings(ctx.db);
}
