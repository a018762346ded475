import { describe, expect, it } from 'vitest';
import { samePlace } from '../../../../shared/domain/incidents/same-place';

describe('two reports at the same place', () => {
  it('match when one place names the other or a part of it, whatever the spaces, punctuation and case', () => {
    expect(samePlace('中心机房', '中心机房精密空调旁')).toBe(true);
    expect(samePlace('中心机房 2 号柜', '中心机房2号柜')).toBe(true);
    expect(samePlace('Server Room, B1', 'server room b1')).toBe(true);
  });

  it('do not match different rooms, nor a name too short to say anything', () => {
    expect(samePlace('中心机房', '配电室')).toBe(false);
    expect(samePlace('', '中心机房')).toBe(false);
    expect(samePlace('楼', '1号楼')).toBe(false);
  });
});
