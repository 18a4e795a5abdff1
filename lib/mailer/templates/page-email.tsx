import { Link, Section, Text } from "@react-email/components";
import { EmailButton, EmailLayout, emailButtonStyle, emailTextStyle } from "./layout";

export type PageEmailProps = {
  name: string;
  /** Null for a confidential incident: the email then carries no summary, client, service or details. */
  incident: {
    number: number;
    title: string;
    priority: string;
    client: string;
    service: string;
    source: string | null;
    details: string[];
    links: { href: string; text?: string }[];
    triggeredAt: string;
  } | null;
  openUrl: string;
  ackUrl: string;
  reminder: number;
};

const muted = { fontSize: 13, lineHeight: "20px", color: "#6b7280", margin: "2px 0" } as const;
const secondaryButton = { ...emailButtonStyle, backgroundColor: "#ffffff", color: "#1f2937", border: "1px solid #d1d5db", marginLeft: 8 } as const;

/** A page: what fired and two buttons, Acknowledge and Open. Both open a page whose button POSTs (mail scanners follow links). */
export function PageEmail({ name, incident, openUrl, ackUrl, reminder }: PageEmailProps) {
  const preview = incident ? `${incident.priority.toUpperCase()} · ${incident.client}: ${incident.title}` : "A confidential incident needs you";
  return (
    <EmailLayout preview={preview}>
      <Text style={emailTextStyle}>Hello {name || "there"},</Text>
      {reminder > 0 && <Text style={{ ...emailTextStyle, color: "#b91c1c", fontWeight: 600 }}>Reminder {reminder}: this page is still unread.</Text>}
      {incident ? (
        <>
          <Text style={{ ...emailTextStyle, fontWeight: 700, fontSize: 17 }}>
            #{incident.number} {incident.title}
          </Text>
          <Section>
            <Text style={muted}>Priority: {incident.priority}</Text>
            <Text style={muted}>Client: {incident.client}</Text>
            <Text style={muted}>Service: {incident.service}</Text>
            {incident.source && <Text style={muted}>Source: {incident.source}</Text>}
            <Text style={muted}>Triggered: {incident.triggeredAt}</Text>
          </Section>
          {incident.details.length > 0 && (
            <Section style={{ backgroundColor: "#f9fafb", borderRadius: 8, padding: "8px 12px", marginTop: 12 }}>
              {incident.details.map((d, i) => (
                <Text key={i} style={{ ...muted, fontFamily: "ui-monospace, Menlo, monospace" }}>
                  {d}
                </Text>
              ))}
            </Section>
          )}
          {incident.links.length > 0 && (
            <Section style={{ marginTop: 8 }}>
              {incident.links.map((l, i) => (
                <Text key={i} style={muted}>
                  <Link href={l.href}>{l.text || l.href}</Link>
                </Text>
              ))}
            </Section>
          )}
        </>
      ) : (
        <Text style={{ ...emailTextStyle, fontWeight: 700 }}>A confidential incident needs you. Open Baton to see it.</Text>
      )}
      <Section style={{ marginTop: 20 }}>
        <EmailButton href={ackUrl}>
          Acknowledge
        </EmailButton>
        <EmailButton href={openUrl} style={secondaryButton}>
          Open
        </EmailButton>
      </Section>
      <Text style={{ ...muted, marginTop: 16 }}>Both buttons open Baton and ask you to confirm. These links are yours alone and stop working when the incident is resolved.</Text>
    </EmailLayout>
  );
}
