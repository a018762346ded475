// Importing devices from CSV and Excel files: a row-by-row report, then an all-or-accepted commit.
import { AppError } from '../../../shared/contract/app-error';
import type { ImportOutcome, ImportReport } from '../../../shared/contract/assets';
import type { MethodArgs } from '../../../shared/contract';
import type { CallContext, CoreContext } from '../context';

export async function previewImport(_ctx: CoreContext, file: MethodArgs<'assets.importPreview'>): Promise<ImportReport> {
  throw new AppError('not_implemented', 'not_implemented', { fileName: file.fileName });
}

export async function commitImport(_ctx: CoreContext, _call: CallContext, input: MethodArgs<'assets.importCommit'>): Promise<ImportOutcome> {
  throw new AppError('not_implemented', 'not_implemented', { fileName: input.file.fileName });
}
