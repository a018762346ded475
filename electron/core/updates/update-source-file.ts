// Where updates come from: a file beside the database (like the backup settings), read at every check.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type UpdateSourceSetting, updateSourceSchema } from '../../../shared/contract/updates';

const fileName = 'update-source.json';

export function readUpdateSource(dataDir: string): UpdateSourceSetting {
  try {
    return updateSourceSchema.parse(JSON.parse(readFileSync(join(dataDir, fileName), 'utf8')));
  } catch {
    return { kind: 'none' };
  }
}

export function writeUpdateSource(dataDir: string, source: UpdateSourceSetting): void {
  const path = join(dataDir, fileName);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(source)}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}
