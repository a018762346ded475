// What the core keeps in memory about access: the live sign-ins, and the wrong-password counts no table holds.
import { AttemptCounter } from './lock-out';
import { SignIns } from './sign-ins';

export interface AccessState {
  signIns: SignIns;
  /** Login attempts at names that match no operator, by name (lower case): they lock like a real account's. */
  unknownNames: AttemptCounter;
  /** Passwords a signed-in operator typed for a handover or to change their own, by the caller's operator id. */
  callerChecks: AttemptCounter;
}

export function createAccessState(): AccessState {
  return { signIns: new SignIns(), unknownNames: new AttemptCounter(), callerChecks: new AttemptCounter() };
}
