// The migration list: static imports, because bundling removes the folder a FileMigrationProvider would read.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-device-search-tokens';
import * as m0011 from './0011-incidents';

export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-device-search-tokens': m0002,
  '0011-incidents': m0011,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
