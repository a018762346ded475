// Yuan as people type them (two decimals) to the fen the core keeps, and back.
import { formatYuan } from '../../../shared/domain/repairs/repair-kinds';

export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export { formatYuan };
