import { describe, expect, it } from 'vitest';
import { chargedCostFen, formatYuan } from '../../../../shared/domain/repairs/repair-kinds';

describe('repair money', () => {
  it('charges a main part at quantity × unit cost and never a wearing part or consumable', () => {
    expect(chargedCostFen({ kind: 'main', quantity: 3, unitCostFen: 12_050 })).toBe(36_150);
    expect(chargedCostFen({ kind: 'wearing', quantity: 3, unitCostFen: 12_050 })).toBe(0);
  });

  it('writes fen as yuan with two decimals and thousands separators', () => {
    expect([0, 5, 45_050, 123_456_789, -150].map(formatYuan)).toEqual(['0.00', '0.05', '450.50', '1,234,567.89', '-1.50']);
  });
});
