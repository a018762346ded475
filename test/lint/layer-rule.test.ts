import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rule', () => {
  it.each([
    ['electron/core/assets/x.ts', "import { app } from 'electron';"],
    ['electron/host/x.ts', "import { ipcMain } from 'electron';"],
    ['electron/node/x.ts', "import { app } from 'electron';"],
    ['renderer/src/x.ts', "import { readFile } from 'node:fs';"],
    ['renderer/src/x.ts', "import sqlite3 from 'sqlite3';"],
    ['renderer/src/x.ts', "import { startCore } from '../../electron/core/core';"],
    ['shared/contract/x.ts', "import { join } from 'path';"],
    ['shared/domain/x.ts', "import { Button } from 'antd';"],
  ])('refuses in %s: %s', async (filePath, code) => {
    expect(await layerErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['electron/core/x.ts', "import { join } from 'node:path';"],
    ['electron/main/x.ts', "import { resolveRendererFile } from '../node/renderer-files';"],
    ['renderer/src/x.ts', "import { contract } from '../../shared/contract';"],
    ['renderer/src/x.ts', "import { createElectronClient } from './electron-bridge';"],
    ['shared/contract/x.ts', "import { z } from 'zod';"],
  ])('allows in %s: %s', async (filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  });
});
