// Which alarm rule applies to an event code: an exact pattern beats any prefix, a longer prefix a shorter one.
import type { AlarmRule } from '../../../shared/contract/alarms';

/** How closely a pattern fits the code: null when it does not, higher when more specific. */
export function patternSpecificity(pattern: string, eventCode: string): number | null {
  if (!pattern.endsWith('*')) return pattern === eventCode ? Number.MAX_SAFE_INTEGER : null;
  const prefix = pattern.slice(0, -1);
  return eventCode.startsWith(prefix) ? prefix.length : null;
}

/** The most specific enabled rule for the code; on a tie the one listed first. */
export function ruleFor<R extends Pick<AlarmRule, 'eventPattern' | 'enabled'>>(rules: readonly R[], eventCode: string): R | null {
  let best: R | null = null;
  let bestScore = -1;
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const score = patternSpecificity(rule.eventPattern, eventCode);
    if (score !== null && score > bestScore) {
      best = rule;
      bestScore = score;
    }
  }
  return best;
}
