// The entity types an entity was journaled under before it got its present name. Entries are never rewritten (the
// HMAC chain), so a filter by the present name also finds the earlier ones and an entity's history stays whole.
/** Per present name: an earlier entity type, optionally only for some entry types (the rest of that name meant another entity). */
export const earlierEntityNames: Readonly<Record<string, readonly { entityType: string; types?: readonly string[] }[]>> = {
  // Issue 12: a configured serial endpoint was journaled as `device_endpoint`, and an alarm set aside was filed
  // under `device` with the endpoint's id (other `device` entries are the asset register's devices).
  link: [{ entityType: 'device_endpoint' }, { entityType: 'device', types: ['alarm.setAside'] }],
};
