import { describe, expect, it } from 'vitest';
import { filledParams } from '../../../../renderer/src/devices/test-command-params';

describe('test command parameters', () => {
  it('leaves blank parameters out, so the driver’s defaults apply', () => {
    expect(filledParams({ address: undefined, output: null, colour: '', durationMs: 500 })).toEqual({ durationMs: 500 });
  });

  it('keeps zero and false, which are values, not blanks', () => {
    expect(filledParams({ address: 0, reader: 0, confirmed: false })).toEqual({ address: 0, reader: 0, confirmed: false });
  });
});
