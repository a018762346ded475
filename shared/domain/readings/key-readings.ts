// The machine room's key readings (temperature, humidity, UPS load and battery): what the dashboard and the wall show.

/**
 * Reading keys are the drivers' own (`modbus:<slave>:<point>`, `ups:<name>`): a key is "key" when its last part names
 * one of these. Sensors of other models with the same point names are picked up the same way.
 */
const keyReadingNames: readonly string[] = [
  'temperature',
  'humidity',
  'returnTemperature',
  'returnHumidity',
  'supplyTemperature',
  'loadPercent',
  'batteryVoltage',
];

export function isKeyReading(key: string): boolean {
  const name = key.slice(key.lastIndexOf(':') + 1);
  return keyReadingNames.includes(name);
}

/** Orders key readings as a duty guard scans them: temperatures, humidities, then the UPS. */
export function keyReadingRank(key: string): number {
  const name = key.slice(key.lastIndexOf(':') + 1);
  const index = keyReadingNames.indexOf(name);
  return index === -1 ? keyReadingNames.length : index;
}
