/**
 * A timeline actor's label as people outside the MSP see it: an integration's label carries the
 * routing key's prefix ("Events API v2 (key sibqrwrd…)"), which is the MSP's business only.
 */
export function publicActorLabel(label: string): string {
  return label.replace(/ \(key [^)]*\)$/, "");
}
