import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../electron/core/new-id';

describe('record ids', () => {
  it('are valid UUID v7 and unique, each greater than the one before, within one millisecond and across many', () => {
    const ids = [...Array.from({ length: 5000 }, () => newId(1_700_000_000_000)), ...Array.from({ length: 5000 }, () => newId())];
    for (const id of ids) {
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
    }
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i += 1) expect(ids[i]! > ids[i - 1]!).toBe(true);
  });

  it('keep counting up when the clock steps back, and carry the time they were made', () => {
    const later = newId(Date.now() + 60_000);
    const afterStepBack = newId(Date.now());
    expect(afterStepBack > later).toBe(true);
    const made = newId(Date.now() + 120_000);
    // The first 48 bits are the Unix time in milliseconds.
    const ms = Number.parseInt(made.replaceAll('-', '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(Date.now() + 119_000);
  });
});
