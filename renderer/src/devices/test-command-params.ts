// A test command's parameters as the engineer filled them in, and as they are sent to the driver.

export type ParamValue = string | number | boolean | null;

/**
 * The params as sent: blank ones left out, so the driver applies its own default (the only PD's address, a 3 s door
 * pulse) or names the missing one in its error.
 */
export function filledParams(values: Record<string, ParamValue | undefined>): Record<string, ParamValue> {
  const filled: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== null && value !== '') filled[name] = value;
  return filled;
}
