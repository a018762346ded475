// The desktop transport: the contract over the preload bridge (window.dutyConsole), never raw IPC.
import { AppError, type ConsoleClient } from '../../../shared/contract';
import { bridgeKey, type DutyConsoleBridge } from '../../../shared/contract/bridge';

export function electronBridge(): DutyConsoleBridge | undefined {
  return (window as unknown as Record<string, DutyConsoleBridge | undefined>)[bridgeKey];
}

export function createElectronClient(bridge: DutyConsoleBridge): ConsoleClient {
  return {
    async invoke(method, input) {
      const result = await bridge.invoke(method, input);
      if (!result.ok) throw AppError.fromData(result.error);
      return result.value as never;
    },
    subscribe(event, handler) {
      return bridge.subscribe(event, handler as (payload: unknown) => void);
    },
  };
}
