// Building blocks of the contract: a method is a zod input schema plus a result type.
import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType, R> {
  input: I;
  /** Phantom field: carries the result type to both sides, never set at run time. */
  result?: R;
  /** True for methods that change data (each change is one journaled transaction). */
  mutates: boolean;
}

/** A read: `query<Result>()(inputSchema)`; curried so the input type is inferred. */
export const query =
  <R>() =>
  <I extends z.ZodType>(input: I): MethodSpec<I, R> => ({ input, mutates: false });

/** A change: `command<Result>()(inputSchema)`. */
export const command =
  <R>() =>
  <I extends z.ZodType>(input: I): MethodSpec<I, R> => ({ input, mutates: true });
