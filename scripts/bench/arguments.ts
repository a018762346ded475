// Command-line arguments shared by the benchmark scripts.

/** Reads `name N` from argv: a positive whole number, or the fallback when absent. */
export function numberArgument(argv: readonly string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a positive whole number, not "${argv[i + 1]}"`);
  return value;
}
