// How deeply a call's input nests, checked before zod or a handler walks it: both recurse, and an input nested
// 100,000 deep would overflow the stack (links.create's free-form `protocol` did, answering `internal`).

/** Far beyond any contract input (the deepest nest a few levels), far below what the stack takes. */
export const inputMaxDepth = 64;

interface Visit {
  value: unknown;
  depth: number;
  key: string | null;
  parent: Visit | null;
}

/**
 * The keys leading to the first object or array nested deeper than `maxDepth` (the input itself is depth 1), or
 * null when none is. Iterative, so the input it refuses cannot overflow it; each object is walked again only when
 * reached deeper than before, so shared references (Electron's structured clone keeps them) cannot multiply the work.
 */
export function tooDeepAt(input: unknown, maxDepth = inputMaxDepth): string[] | null {
  const deepestSeen = new Map<object, number>();
  const pending: Visit[] = [{ value: input, depth: 1, key: null, parent: null }];
  while (pending.length > 0) {
    const visit = pending.pop()!;
    const { value, depth } = visit;
    if (!isWalked(value)) continue;
    if (depth > maxDepth) return pathOf(visit);
    if ((deepestSeen.get(value) ?? 0) >= depth) continue;
    deepestSeen.set(value, depth);
    for (const key of Object.keys(value)) {
      pending.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, key, parent: visit });
    }
  }
  return null;
}

/** Arrays and plain objects: what JSON and the contract's schemas are made of. Anything else zod refuses whole. */
function isWalked(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function pathOf(visit: Visit): string[] {
  const keys: string[] = [];
  for (let v: Visit | null = visit; v?.key != null; v = v.parent) keys.push(v.key);
  return keys.reverse();
}
