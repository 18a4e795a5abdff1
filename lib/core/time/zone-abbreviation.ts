/**
 * The name people use for a zone's time at an instant: "EST", "BST", "CEST", "AEDT", "IST".
 * ICU gives English abbreviations only for the region of the English locale asked (en-US says
 * "GMT+1" for Paris, en-GB says "GMT-5" for New York), so the locales of the regions with common
 * English abbreviations are asked in turn; a zone none of them names keeps its offset ("GMT+9"
 * for Tokyo), which is still unambiguous.
 */
const LOCALES = ["en-US", "en-GB", "en-AU", "en-IN", "en-NZ", "en-IE", "en-ZA", "en-CA"] as const;
const OFFSET_ONLY = /^(GMT|UTC)[+\-−]/;

const formatters = new Map<string, Intl.DateTimeFormat>();
const names = new Map<string, string>();

function nameIn(locale: string, timeZone: string, at: Date): string {
  const key = `${locale}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" });
    formatters.set(key, f);
  }
  return f.formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

export function zoneAbbreviation(at: Date | string | number, timeZone: string): string {
  const d = at instanceof Date ? at : new Date(at);
  const first = nameIn(LOCALES[0], timeZone, d);
  if (!OFFSET_ONLY.test(first)) return first;
  // The zone and its offset at this instant decide the name (standard or daylight time).
  const key = `${timeZone}|${first}`;
  let name = names.get(key);
  if (name === undefined) {
    name = first;
    for (const locale of LOCALES.slice(1)) {
      const candidate = nameIn(locale, timeZone, d);
      if (!OFFSET_ONLY.test(candidate)) {
        name = candidate;
        break;
      }
    }
    names.set(key, name);
  }
  return name;
}
