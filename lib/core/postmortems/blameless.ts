/** A sentence that names a person (or blames "he"/"she"/"they"), with where it is in the text. */
export type BlameHint = { start: number; end: number; sentence: string; names: string[]; suggestion: string };

export const BLAMELESS_SUGGESTION = "Describe what in the system allowed this (the process, tool, alert or missing guard), not who did it.";

const BLAME_VERBS = ["forgot", "forget", "failed", "fail", "didn't", "did not", "didnt", "neglected", "ignored", "missed", "should have", "shouldn't have", "should not have", "messed up", "screwed up", "broke", "caused", "was careless", "wasn't careful", "was not careful", "overlooked", "dropped the ball", "blundered"];
const PRONOUNS = ["he", "she", "they", "him", "her", "someone", "somebody"];
/** Capitalised words that start sentences or name systems, not people. */
const NOT_NAMES = new Set(["The", "A", "An", "This", "That", "These", "Those", "It", "We", "Our", "Nobody", "No", "Alerting", "Monitoring", "Baton", "When", "After", "Before", "Because", "Then", "If", "On", "In", "At", "During", "There", "Nothing", "Everyone", "Team", "System", "Service", "I", "He", "She", "They"]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const verbs = BLAME_VERBS.map(escape).join("|");
const namedBlame = new RegExp(`\\b([A-Z][a-z]+(?:\\s[A-Z][a-z]+)?)\\s+(?:${verbs})\\b`, "g");
const pronounBlame = new RegExp(`\\b(${PRONOUNS.join("|")})\\s+(?:${verbs})\\b`, "gi");

/** Splits text into sentences with their offsets (ends at . ! ? or a line break). */
export function sentences(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  const re = /[^.!?\n]+[.!?]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ start: m.index + lead, end: m.index + lead + trimmed.length, text: trimmed });
  }
  return out;
}

/**
 * The blameless check: sentences of `text` (contributing factors) that name one of `people`
 * (the org's users and participants, matched on full name or first name, whole words, any case)
 * or put a capitalised name or a pronoun before a blame verb ("Bob forgot", "she didn't").
 */
export function findBlame(text: string, people: readonly string[]): BlameHint[] {
  const tokens = new Set<string>();
  for (const p of people) {
    const full = p.trim();
    if (full.length < 2) continue;
    tokens.add(full);
    const first = full.split(/\s+/)[0]!;
    if (first.length >= 3 && first !== full) tokens.add(first);
  }
  const nameRes = [...tokens].map((t) => ({ name: t, re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(t)}(?![\\p{L}\\p{N}])`, "iu") }));
  const hints: BlameHint[] = [];
  for (const s of sentences(text)) {
    const names = new Set<string>();
    for (const { name, re } of nameRes) if (re.test(s.text)) names.add(name);
    // A full name found makes its first name redundant.
    for (const n of [...names]) for (const other of names) if (other !== n && other.startsWith(`${n} `)) names.delete(n);
    for (const m of s.text.matchAll(namedBlame)) {
      const first = m[1]!.split(" ")[0]!;
      if (!NOT_NAMES.has(first)) names.add(m[1]!);
    }
    for (const m of s.text.matchAll(pronounBlame)) names.add(m[1]!.toLowerCase());
    if (names.size) hints.push({ start: s.start, end: s.end, sentence: s.text, names: [...names], suggestion: BLAMELESS_SUGGESTION });
  }
  return hints;
}
