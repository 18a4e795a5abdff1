import { Fragment } from "react";
import { Text } from "@react-email/components";
import { EmailLayout, emailTextStyle } from "./layout";

/**
 * A stakeholder update as rendered from its template: plain text, line breaks kept. Each break is
 * a <br>: the plain-text part (and clients that drop `white-space`) would join the lines.
 */
export function StakeholderUpdateEmail({ name, subject, body }: { name: string; subject: string; body: string }) {
  return (
    <EmailLayout preview={subject}>
      <Text style={emailTextStyle}>Hello {name || "there"},</Text>
      <Text style={{ ...emailTextStyle, whiteSpace: "pre-wrap" }}>
        {body.split(/\r\n|\r|\n/).map((line, i) => (
          <Fragment key={i}>
            {i > 0 && <br />}
            {line}
          </Fragment>
        ))}
      </Text>
    </EmailLayout>
  );
}
