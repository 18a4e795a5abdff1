import { Text } from "@react-email/components";
import { EmailButton, EmailLayout, emailTextStyle } from "./layout";

export function SignInEmail({ url, host, minutes }: { url: string; host: string; minutes: number }) {
  return (
    <EmailLayout preview={`Your sign-in link for ${host}`}>
      <Text style={emailTextStyle}>Use the button below to sign in to Baton at {host}.</Text>
      <EmailButton href={url}>
        Sign in to Baton
      </EmailButton>
      <Text style={{ ...emailTextStyle, fontSize: 13, color: "#6b7280" }}>
        The link works once and expires in {minutes} minutes. If you did not ask to sign in, ignore this email.
      </Text>
      <Text style={{ ...emailTextStyle, fontSize: 12, color: "#6b7280", wordBreak: "break-all" }}>{url}</Text>
    </EmailLayout>
  );
}
