// The UPS shutdown settings: a file beside the database, read when a UPS reports, so a change applies at once.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultUpsShutdownSettings, type UpsShutdownSettings, upsShutdownSettingsSchema } from '../../../shared/contract/power';

const fileName = 'ups-shutdown.json';

export function readUpsShutdownSettings(dataDir: string): UpsShutdownSettings {
  try {
    return upsShutdownSettingsSchema.parse(JSON.parse(readFileSync(join(dataDir, fileName), 'utf8')));
  } catch {
    return defaultUpsShutdownSettings;
  }
}

export function writeUpsShutdownSettings(dataDir: string, settings: UpsShutdownSettings): void {
  const path = join(dataDir, fileName);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(settings)}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}
