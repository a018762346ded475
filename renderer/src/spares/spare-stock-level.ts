// When a spare part counts as short: fewer in stock than the minimum the engineers set.
import type { SpareStock } from '../../../shared/contract';

export function isLowStock(stock: Pick<SpareStock, 'quantity' | 'minimum'>): boolean {
  return stock.quantity < stock.minimum;
}
