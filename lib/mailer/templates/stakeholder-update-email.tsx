import { Text } from "@react-email/components";
import { EmailLayout, emailTextStyle } from "./layout";

/** A stakeholder update as rendered from its template: plain text, line breaks kept. */
export function StakeholderUpdateEmail({ name, subject, body }: { name: string; subject: string; body: string }) {
  return (
    <EmailLayout preview={subject}>
      <Text style={emailTextStyle}>Hello {name || "there"},</Text>
      <Text style={{ ...emailTextStyle, whiteSpace: "pre-wrap" }}>{body}</Text>
    </EmailLayout>
  );
}
