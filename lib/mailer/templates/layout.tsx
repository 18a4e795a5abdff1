import type { CSSProperties, ReactNode } from "react";
import { Body, Button, Container, Head, Html, Preview, Section, Text } from "@react-email/components";

export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head>
        {/* Phones' mail apps lay the message out at their own width instead of zooming out a desktop page. */}
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f4f5f9", fontFamily: "-apple-system, Segoe UI, Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: 12, padding: "32px 28px", maxWidth: 520, border: "1px solid #e4e6ef" }}>
          <Text style={{ fontSize: 18, fontWeight: 700, color: "#4338ca", margin: "0 0 20px" }}>Baton</Text>
          {children}
          <Section style={{ borderTop: "1px solid #e4e6ef", marginTop: 28, paddingTop: 16 }}>
            <Text style={{ fontSize: 12, color: "#6b7280", margin: 0 }}>Baton — on-call, escalation and post-mortems.</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export const emailButtonStyle = {
  backgroundColor: "#4f46e5",
  color: "#ffffff",
  borderRadius: 8,
  padding: "12px 20px",
  fontWeight: 600,
  fontSize: 15,
  textDecoration: "none",
  display: "inline-block",
} as const;
export const emailTextStyle = { fontSize: 15, lineHeight: "24px", color: "#1f2937" } as const;

/**
 * A button link. Marked so that the plain-text part gives each button a line of its own, "Label url"
 * (see renderMail): links are inline there, and buttons side by side would run together.
 */
export function EmailButton({ href, style = emailButtonStyle, children }: { href: string; style?: CSSProperties; children: ReactNode }) {
  return (
    <Button href={href} style={style} data-text-format="button">
      {children}
    </Button>
  );
}
