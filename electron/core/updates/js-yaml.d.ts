// The little of js-yaml (a dependency; electron-updater reads its feed with it too) the feed parser uses; the package ships no types and @types/js-yaml is not installed.
declare module 'js-yaml' {
  export const CORE_SCHEMA: unknown;
  export function load(text: string, options?: { schema?: unknown; json?: boolean }): unknown;
}
