// Placeholder until export is built.
import type { SearchInput } from '../../../shared/contract';

export function ExportButton(_props: { filter: SearchInput }) {
  return null;
}
