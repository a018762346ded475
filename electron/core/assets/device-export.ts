// Exporting the register (or a filtered part of it) to CSV or Excel.
import { AppError } from '../../../shared/contract/app-error';
import type { ExportFile } from '../../../shared/contract/assets';
import type { MethodArgs } from '../../../shared/contract';
import type { CoreContext } from '../context';

export async function exportDevices(_ctx: CoreContext, input: MethodArgs<'assets.export'>): Promise<ExportFile> {
  throw new AppError('not_implemented', 'not_implemented', { format: input.format });
}
