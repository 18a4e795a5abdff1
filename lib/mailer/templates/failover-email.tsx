import { Section, Text } from "@react-email/components";
import { EmailButton, EmailLayout, emailTextStyle } from "./layout";

export type FailoverEmailProps = {
  name: string;
  incident: { number: number; title: string; priority: string; client: string; service: string; source: string | null; triggeredAt: string } | null;
  notified: { who: string; channel: string; sentAt: string | null; state: string; readAt: string | null }[];
  timeline: { at: string; message: string }[];
  url: string;
};

const cell = { fontSize: 13, lineHeight: "20px", color: "#374151", padding: "4px 8px 4px 0", verticalAlign: "top" } as const;
const head = { ...cell, color: "#6b7280", fontWeight: 600 } as const;

/** Nobody answered: what fired, who was told on which channel and when, who read what, and the timeline. */
export function FailoverEmail({ name, incident, notified, timeline, url }: FailoverEmailProps) {
  return (
    <EmailLayout preview={incident ? `Unanswered: ${incident.title}` : "An unanswered confidential incident"}>
      <Text style={emailTextStyle}>Hello {name || "there"},</Text>
      <Text style={{ ...emailTextStyle, fontWeight: 700, color: "#b91c1c" }}>Nobody answered {incident ? `incident #${incident.number}` : "a confidential incident"}. You are a failover contact.</Text>
      {incident && (
        <Section>
          <Text style={{ ...emailTextStyle, fontWeight: 600 }}>{incident.title}</Text>
          <Text style={cell}>
            Priority {incident.priority} · {incident.client} · {incident.service}
            {incident.source ? ` · ${incident.source}` : ""} · triggered {incident.triggeredAt}
          </Text>
        </Section>
      )}
      {incident && notified.length > 0 && (
        <Section style={{ marginTop: 12 }}>
          <Text style={{ ...emailTextStyle, fontWeight: 600 }}>Who was notified</Text>
          <table cellPadding={0} cellSpacing={0} style={{ width: "100%", borderCollapse: "collapse" }}>
            <thead>
              <tr>
                <th style={head} align="left">Person</th>
                <th style={head} align="left">Channel</th>
                <th style={head} align="left">Sent</th>
                <th style={head} align="left">State</th>
              </tr>
            </thead>
            <tbody>
              {notified.map((n, i) => (
                <tr key={i}>
                  <td style={cell}>{n.who}</td>
                  <td style={cell}>{n.channel}</td>
                  <td style={cell}>{n.sentAt ?? "not sent"}</td>
                  <td style={cell}>{n.readAt ? `read ${n.readAt}` : n.state}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      )}
      {incident && timeline.length > 0 && (
        <Section style={{ marginTop: 12 }}>
          <Text style={{ ...emailTextStyle, fontWeight: 600 }}>Timeline</Text>
          {timeline.map((t, i) => (
            <Text key={i} style={{ ...cell, margin: 0 }}>
              {t.at} — {t.message}
            </Text>
          ))}
        </Section>
      )}
      <Section style={{ marginTop: 20 }}>
        <EmailButton href={url}>
          Open the incident
        </EmailButton>
      </Section>
    </EmailLayout>
  );
}
