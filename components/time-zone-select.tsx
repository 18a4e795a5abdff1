import { Select } from "@/components/ui/select";
import { zoneChoices } from "@/lib/core/time-zone";

/** An IANA zone picker for plain forms (posts `name`). */
export function TimeZoneSelect({ id, name, defaultValue, timeZones }: { id: string; name: string; defaultValue: string; timeZones: string[] }) {
  return (
    <Select id={id} name={name} defaultValue={defaultValue}>
      {zoneChoices(timeZones, defaultValue).map((z) => (
        <option key={z} value={z}>
          {z.replaceAll("_", " ")}
        </option>
      ))}
    </Select>
  );
}
