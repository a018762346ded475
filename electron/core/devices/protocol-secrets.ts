// A driver's secret settings: sealed for the database, masked for every read, kept when a placeholder comes back.
import { AppError } from '../../../shared/contract/app-error';
import { secretPlaceholder } from '../../../shared/contract/device-protocols';
import type { SecretBox } from './secret-box';

type Settings = Record<string, unknown>;
type Path = (string | number)[];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every secret slot present in `settings`, for paths like `pin` or `pds[].scbk` (a field of every array element). */
function secretSlots(settings: Settings, fields: readonly string[]): { owner: Record<string, unknown>; key: string; path: Path }[] {
  const slots: { owner: Record<string, unknown>; key: string; path: Path }[] = [];
  for (const field of fields) {
    const [arrayKey, key] = field.includes('[].') ? field.split('[].') : [undefined, field];
    if (arrayKey === undefined || key === undefined) {
      if (Object.hasOwn(settings, field)) slots.push({ owner: settings, key: field, path: [field] });
      continue;
    }
    const list = settings[arrayKey];
    if (!Array.isArray(list)) continue;
    list.forEach((element, index) => {
      if (isRecord(element) && Object.hasOwn(element, key)) slots.push({ owner: element, key, path: [arrayKey, index, key] });
    });
  }
  return slots;
}

/** A deep copy with each present secret value (not null) replaced by `replace(value, path)`. */
function mapSecrets(settings: Settings, fields: readonly string[], replace: (value: unknown, path: Path) => unknown): Settings {
  const copy = structuredClone(settings);
  for (const slot of secretSlots(copy, fields)) {
    const value = slot.owner[slot.key];
    if (value !== null && value !== undefined) slot.owner[slot.key] = replace(value, slot.path);
  }
  return copy;
}

function valueAt(settings: Settings | null, path: Path): unknown {
  let here: unknown = settings;
  for (const step of path) {
    if (Array.isArray(here) && typeof step === 'number') here = here[step];
    else if (isRecord(here) && typeof step === 'string') here = here[step];
    else return undefined;
  }
  return here;
}

/** What reads and journal entries show: every stored secret as the placeholder. */
export function maskSecrets(settings: Settings, fields: readonly string[]): Settings {
  return mapSecrets(settings, fields, () => secretPlaceholder);
}

export function sealSecrets(settings: Settings, fields: readonly string[], box: SecretBox): Settings {
  return mapSecrets(settings, fields, (value) => box.seal(String(value)));
}

export function openSecrets(stored: Settings, fields: readonly string[], box: SecretBox): Settings {
  return mapSecrets(stored, fields, (value) => box.open(String(value)));
}

/**
 * Input settings with each placeholder replaced by the clear secret stored at the same path (array elements by
 * index); a placeholder with nothing stored behind it is refused, naming the field.
 */
export function keepStoredSecrets(input: Settings, storedClear: Settings | null, fields: readonly string[]): Settings {
  return mapSecrets(input, fields, (value, path) => {
    if (value !== secretPlaceholder) return value;
    const kept = valueAt(storedClear, path);
    if (typeof kept !== 'string') throw new AppError('device_secret_missing', 'device_secret_missing', { field: ['protocol', ...path].join('.') });
    return kept;
  });
}
