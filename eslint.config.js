// Lint rules, including the layer rule of the style guide: the core never imports electron,
// shared code imports neither Node nor the DOM world, the renderer imports no Node module.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'stream', 'url', 'util', 'events', 'worker_threads'];
const nodeSidePackages = ['electron', 'sqlite3', 'kysely', 'serialport', '@serialport/*', 'ws', 'exceljs', 'electron-updater', 'modbus-serial'];

// Exact module names go in `paths`; wildcards in `patterns` (gitignore syntax would also match './electron').
const restrict = (names, message) => {
  const exact = names.filter((n) => !n.includes('*'));
  const wild = names.filter((n) => n.includes('*'));
  return [
    'error',
    {
      ...(exact.length ? { paths: exact.map((name) => ({ name, message })) } : {}),
      ...(wild.length ? { patterns: [{ group: wild, message }] } : {}),
    },
  ];
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // electron/node holds what the host and the desktop shell share (the renderer's files, the crash log).
    files: ['electron/core/**', 'electron/host/**', 'electron/node/**'],
    rules: { 'no-restricted-imports': restrict(['electron'], 'The core, the host and electron/node run under plain Node: they must never import electron.') },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': restrict(
        [...nodeBuiltins, ...nodeSidePackages, 'react', 'react-dom', 'antd'],
        'shared/ is pure TypeScript used by both sides: no Node, no Electron, no UI.',
      ),
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(
        [...nodeBuiltins, ...nodeSidePackages, '**/electron/core/**', '**/electron/host/**', '**/electron/main/**'],
        'The renderer runs in a browser: it talks to the core only through the contract in shared/.',
      ),
    },
  },
);
