// Every journal entry the core writes reads in words in the audit view, in both languages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditEn, auditZh, journalTypeNamesEn, journalTypeNamesZh } from '../../../../renderer/src/audit/i18n';

const coreDir = new URL('../../../../electron/core/', import.meta.url).pathname;
const sources = (readdirSync(coreDir, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts')).map((file) => readFileSync(join(coreDir, file), 'utf8'));
const found = (pattern: RegExp) => [...new Set(sources.flatMap((source) => [...source.matchAll(pattern)].map((match) => match[1]!)))].sort();

// Written as `type: 'x.y'` in a journal call, or as the first argument of the alarm recorder's `entry('alarm.x', …)`;
// `alarm.${state}` covers alarm.restored and alarm.status.
const types = [...found(/\btype: '([a-z_]+\.[a-zA-Z_]+)'/g), ...found(/\bentry\('([a-z_]+\.[a-zA-Z_]+)'/g), 'alarm.restored', 'alarm.status'];
const entities = found(/\bentityType: '([a-z_]+)'/g);

describe('journal names in the audit view', () => {
  it('finds the types and objects the core journals', () => {
    expect(types).toEqual(expect.arrayContaining(['incident.reported', 'alarm.raised', 'device.link_changed', 'operator.logged_in']));
    expect(entities).toEqual(expect.arrayContaining(['incident', 'alarm', 'device_endpoint', 'spare']));
  });

  it('names every journal type in Chinese and English', () => {
    expect(types.filter((type) => !journalTypeNamesZh[type])).toEqual([]);
    expect(types.filter((type) => !journalTypeNamesEn[type])).toEqual([]);
  });

  it('names every object in Chinese and English', () => {
    expect(entities.filter((entity) => !(entity in auditZh.entity))).toEqual([]);
    expect(entities.filter((entity) => !(entity in auditEn.entity))).toEqual([]);
  });
});
