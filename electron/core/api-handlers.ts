// The shape every feature's api.ts fills: one handler per contract method, no logic of its own.
import type { MethodArgs, MethodName, MethodResult } from '../../shared/contract';
import type { CallContext } from './context';

export type Handlers<M extends MethodName> = {
  [K in M]: (args: MethodArgs<K>, call: CallContext) => Promise<MethodResult<K>>;
};
