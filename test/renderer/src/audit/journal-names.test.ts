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
    expect(types).toEqual(expect.arrayContaining(['incident.reported', 'alarm.raised', 'link.state_changed', 'operator.logged_in']));
    expect(entities).toEqual(expect.arrayContaining(['incident', 'alarm', 'link', 'spare']));
  });

  it('names every journal type in Chinese and English', () => {
    expect(types.filter((type) => !journalTypeNamesZh[type])).toEqual([]);
    expect(types.filter((type) => !journalTypeNamesEn[type])).toEqual([]);
  });

  it('still names what entries written before the serial endpoint was called a link carry, as the link does', () => {
    const earlier: [string, string][] = [
      ['device.endpoint_created', 'link.created'],
      ['device.endpoint_updated', 'link.updated'],
      ['device.endpoint_enabled', 'link.enabled'],
      ['device.endpoint_removed', 'link.removed'],
      ['device.link_changed', 'link.state_changed'],
      ['device.test_command', 'link.test_command'],
    ];
    for (const [old, now] of earlier) {
      expect(journalTypeNamesZh[old]).toBe(journalTypeNamesZh[now]);
      expect(journalTypeNamesEn[old]).toBe(journalTypeNamesEn[now]);
    }
    expect([auditZh.entity.device_endpoint, auditEn.entity.device_endpoint]).toEqual([auditZh.entity.link, auditEn.entity.link]);
  });

  it('names every object in Chinese and English', () => {
    expect(entities.filter((entity) => !(entity in auditZh.entity))).toEqual([]);
    expect(entities.filter((entity) => !(entity in auditEn.entity))).toEqual([]);
  });
});
