// The little of js-yaml (electron-updater's own YAML reader) the feed parser uses; the package ships no types.
declare module 'js-yaml' {
  export const CORE_SCHEMA: unknown;
  export function load(text: string, options?: { schema?: unknown; json?: boolean }): unknown;
}
