/** True for an IANA zone name the runtime knows ("America/New_York", "UTC"). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// The runtime lists zones by ICU's names, some of them renamed in the IANA database long ago
// (Asia/Calcutta is Asia/Kolkata since 2008, Europe/Kiev Europe/Kyiv since 2022). Pickers offer the
// current names, which people and other systems use; both spellings stay valid input.
const RENAMED: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** Zones to offer in pickers: the runtime's list by current IANA names, sorted, with UTC first. */
export function listTimeZones(): string[] {
  const runtime = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const zones = new Set(runtime.map((z) => (RENAMED[z] && isValidTimeZone(RENAMED[z]) ? RENAMED[z] : z)));
  zones.delete("UTC");
  return ["UTC", ...[...zones].sort()];
}

/** A picker's zones with the one already saved among them, so a form never shows (and saves back) another zone than it was given. */
export function zoneChoices(zones: readonly string[], current: string): string[] {
  if (!current || zones.includes(current)) return [...zones];
  const [first, ...rest] = zones;
  return first === "UTC" ? ["UTC", ...[...rest, current].sort()] : [...zones, current].sort();
}
