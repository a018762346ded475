// Whether two reports name the same place: the second guard's words for it rarely match the first's exactly.

/** Spaces, punctuation and case do not make a place different (“中心机房 2 号柜” = “中心机房2号柜”). */
function placeKey(place: string): string {
  return place.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * One names the other or a part of it (“中心机房” and “中心机房精密空调旁”). A one-character name says too little
 * to match on (“A”, “楼”), and an empty one says nothing.
 */
export function samePlace(a: string, b: string): boolean {
  const [x, y] = [placeKey(a), placeKey(b)];
  if (x.length < 2 || y.length < 2) return false;
  return x.includes(y) || y.includes(x);
}

/** How far back an open incident counts as possibly the same event (one hour, as the duty room asked). */
export const duplicateWindowMs = 60 * 60_000;
