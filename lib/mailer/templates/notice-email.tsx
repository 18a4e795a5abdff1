import { Text } from "@react-email/components";
import { EmailButton, EmailLayout, emailTextStyle } from "./layout";

/** A short notice: swap steps, new shifts. */
export function NoticeEmail({ name, title, body, url }: { name: string; title: string; body: string; url?: string }) {
  return (
    <EmailLayout preview={title}>
      <Text style={emailTextStyle}>Hello {name || "there"},</Text>
      <Text style={{ ...emailTextStyle, fontWeight: 600 }}>{title}</Text>
      {body && <Text style={emailTextStyle}>{body}</Text>}
      {url && (
        <EmailButton href={url}>
          Open in Baton
        </EmailButton>
      )}
    </EmailLayout>
  );
}
