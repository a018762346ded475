// A checklist's items (what an engineer checks on each device) and what a filled-in item comes to: pass, fail, n/a or done.

export const itemKinds = ['check', 'reading', 'text', 'photo', 'backup', 'version'] as const;
export type ItemKind = (typeof itemKinds)[number];

/** Which register field a version item's "after" value updates; none: a version the register does not keep (virus definitions). */
export const versionFields = ['software', 'firmware'] as const;
export type VersionField = (typeof versionFields)[number];

export interface ChecklistItem {
  /** Stable within the template across its versions, so a result names its item. */
  id: string;
  kind: ItemKind;
  labelZh: string;
  labelEn: string;
  /** Catalog component types the item applies to; empty: every device the task walks. */
  typeIds: string[];
  /** A reading's unit and limits; a reading outside them is a fail by itself. */
  unit?: string;
  min?: number | null;
  max?: number | null;
  versionField?: VersionField | null;
}

export const chosenOutcomes = ['pass', 'fail', 'na'] as const;
export type ChosenOutcome = (typeof chosenOutcomes)[number];

/** What was entered for one item on one device; each kind reads the fields it needs. */
export interface ItemValue {
  outcome?: ChosenOutcome | null;
  reading?: number | null;
  text?: string;
  photoSha256?: string | null;
  backupWhat?: string;
  backupWhere?: string;
  versionBefore?: string;
  versionAfter?: string;
  note?: string;
}

/** pass / fail / na as judged; done: a text, photo or version filled in; null: still open. */
export type ItemOutcome = ChosenOutcome | 'done';

export function itemApplies(item: Pick<ChecklistItem, 'typeIds'>, typeId: string | null): boolean {
  return item.typeIds.length === 0 || (typeId !== null && item.typeIds.includes(typeId));
}

export function readingWithinLimits(item: Pick<ChecklistItem, 'min' | 'max'>, reading: number): boolean {
  if (item.min !== undefined && item.min !== null && reading < item.min) return false;
  if (item.max !== undefined && item.max !== null && reading > item.max) return false;
  return true;
}

/** The outcome of an item as filled in. A reading outside its limits is a fail whatever was chosen. */
export function itemOutcome(item: ChecklistItem, value: ItemValue | undefined): ItemOutcome | null {
  if (!value) return null;
  if (value.outcome === 'na') return 'na';
  switch (item.kind) {
    case 'check':
      return value.outcome ?? null;
    case 'reading':
      if (value.reading === undefined || value.reading === null) return null;
      return readingWithinLimits(item, value.reading) ? 'pass' : 'fail';
    case 'backup':
      if (value.outcome === 'fail') return 'fail';
      return value.backupWhat?.trim() && value.backupWhere?.trim() ? 'pass' : null;
    case 'version':
      return value.versionAfter?.trim() ? 'done' : null;
    case 'text':
      return value.text?.trim() ? 'done' : null;
    case 'photo':
      return value.photoSha256 ? 'done' : null;
  }
}

/** The limits as printed: "85–115 Ω", "≤ 25 Ω", "≥ 30 天". */
export function limitsText(item: Pick<ChecklistItem, 'min' | 'max' | 'unit'>): string {
  const unit = item.unit ? ` ${item.unit}` : '';
  const hasMin = item.min !== undefined && item.min !== null;
  const hasMax = item.max !== undefined && item.max !== null;
  if (hasMin && hasMax) return `${item.min}–${item.max}${unit}`;
  if (hasMin) return `≥ ${item.min}${unit}`;
  if (hasMax) return `≤ ${item.max}${unit}`;
  return '';
}
