// Bytes as a string of char codes 0–255 (one character per byte), without an iterator or a buffer per call.

/** Longest run turned into a string in one call (the argument count of String.fromCharCode is bounded). */
const maxCharCodeArgs = 8192;

export function charCodeString(bytes: Uint8Array): string {
  if (bytes.length <= maxCharCodeArgs) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  let text = '';
  for (let i = 0; i < bytes.length; i += maxCharCodeArgs) text += String.fromCharCode.apply(null, bytes.subarray(i, i + maxCharCodeArgs) as unknown as number[]);
  return text;
}
