import { Text } from "@react-email/components";
import { EmailButton, EmailLayout, emailTextStyle } from "@/lib/mailer/templates/layout";

/** A handoff reminder or the weekly digest: a title, then one line per shift. */
export function ShiftReminderEmail({ name, title, intro, lines, url }: { name: string; title: string; intro: string; lines: string[]; url: string }) {
  return (
    <EmailLayout preview={title}>
      <Text style={emailTextStyle}>Hello {name || "there"},</Text>
      <Text style={{ ...emailTextStyle, fontWeight: 600 }}>{title}</Text>
      {intro && <Text style={emailTextStyle}>{intro}</Text>}
      {lines.map((l, i) => (
        <Text key={i} style={{ ...emailTextStyle, margin: "4px 0" }}>
          • {l}
        </Text>
      ))}
      <EmailButton href={url}>
        My shifts
      </EmailButton>
      <Text style={{ ...emailTextStyle, fontSize: 12, color: "#6b7280" }}>You can turn these reminders off in your notification settings.</Text>
    </EmailLayout>
  );
}
