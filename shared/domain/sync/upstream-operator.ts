// What the sync journals a service center's change under: the operator `upstream:<author>`, and back to the author.

const prefix = 'upstream:';

/** The journal's operator for a change the service center's `author` made. */
export function upstreamOperator(author: string): string {
  return `${prefix}${author || '?'}`;
}

/** The service center's author an operator stands for, or null for a person or part of this console. */
export function upstreamAuthorOf(operator: string): string | null {
  return operator.startsWith(prefix) ? operator.slice(prefix.length) : null;
}
