// The one error type that crosses the process boundary: a stable code, an i18n key and its params.

export type ErrorParams = Record<string, string | number | boolean | null>;

export interface AppErrorData {
  code: string;
  /** i18n key under `errors.` in the renderer's resources; defaults to the code. */
  message: string;
  params: ErrorParams;
  /** Per-field problems, for a rejected argument or an import row. */
  issues?: { path: string; code: string; message: string }[];
}

export class AppError extends Error {
  readonly code: string;
  readonly params: ErrorParams;
  readonly issues: AppErrorData['issues'];

  constructor(code: string, message: string, params: ErrorParams = {}, issues?: AppErrorData['issues']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.issues = issues;
  }

  toData(): AppErrorData {
    return { code: this.code, message: this.message, params: this.params, ...(this.issues ? { issues: this.issues } : {}) };
  }

  static fromData(data: AppErrorData): AppError {
    return new AppError(data.code, data.message, data.params, data.issues);
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };
