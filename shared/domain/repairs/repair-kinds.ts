// The kinds a repair's records take, as the seed's 设备维修 / 设备更换 names them.

/** 易损件、耗材: free under the maintenance contract; 主要配件: the part's cost is charged. */
export const partKinds = ['wearing', 'main'] as const;
/** Taken from the spare stock (the stock goes down), or bought in for this repair. */
export const partSources = ['stock', 'bought'] as const;
/** 同等型号 or 同等功能: the same model again, or another product doing the same job. */
export const quoteOptionKinds = ['same_model', 'same_function'] as const;
/** What the faulty device is when its spare comes back. */
export const loanReturnStatuses = ['in_service', 'under_repair', 'retired'] as const;

/** A main part is charged at its cost; wearing parts and consumables are free, and so is a part withdrawn as a mistake. */
export function chargedCostFen(part: { kind: (typeof partKinds)[number]; quantity: number; unitCostFen: number; withdrawn?: object | null }): number {
  return part.kind === 'main' && !part.withdrawn ? part.quantity * part.unitCostFen : 0;
}

/** Yuan with two decimals, from fen: 123456 → "1,234.56". */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
