import { Text } from "@react-email/components";
import { EmailButton, EmailLayout, emailTextStyle } from "./layout";

export function InviteEmail({ name, invitedBy, role, signInUrl }: { name: string; invitedBy: string; role: string; signInUrl: string }) {
  return (
    <EmailLayout preview={`${invitedBy} invited you to Baton`}>
      <Text style={emailTextStyle}>Hello {name || "there"},</Text>
      <Text style={emailTextStyle}>
        {invitedBy} gave you access to Baton as {role}. Sign in with this email address: we will email you a one-time link, no password needed.
      </Text>
      <EmailButton href={signInUrl}>
        Open Baton
      </EmailButton>
    </EmailLayout>
  );
}
