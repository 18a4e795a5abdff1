import { createElement } from "react";
import NextAuth, { type NextAuthConfig } from "next-auth";
import type { Provider } from "next-auth/providers";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import Google from "next-auth/providers/google";
import GitHub from "next-auth/providers/github";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mailer";
import { SignInEmail } from "@/lib/mailer/templates/sign-in-email";
import { authAuditEvents } from "./audit-events";

/** Magic links live this long and work once (Auth.js deletes the token when it is used). */
export const MAGIC_LINK_MINUTES = 10;

function oauthProviders(): Provider[] {
  const e = env();
  const list: Provider[] = [];
  // Only people who already have a Baton account can sign in; linking by verified email lets them use SSO.
  if (e.AUTH_MICROSOFT_ENTRA_ID_ID && e.AUTH_MICROSOFT_ENTRA_ID_SECRET)
    list.push(MicrosoftEntraID({ clientId: e.AUTH_MICROSOFT_ENTRA_ID_ID, clientSecret: e.AUTH_MICROSOFT_ENTRA_ID_SECRET, issuer: e.AUTH_MICROSOFT_ENTRA_ID_ISSUER, allowDangerousEmailAccountLinking: true }));
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) list.push(Google({ clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET, allowDangerousEmailAccountLinking: true }));
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) list.push(GitHub({ clientId: e.AUTH_GITHUB_ID, clientSecret: e.AUTH_GITHUB_SECRET, allowDangerousEmailAccountLinking: true }));
  return list;
}

export function oauthProviderNames(): { id: string; name: string }[] {
  const e = env();
  return [
    e.AUTH_MICROSOFT_ENTRA_ID_ID && e.AUTH_MICROSOFT_ENTRA_ID_SECRET ? { id: "microsoft-entra-id", name: "Microsoft" } : null,
    e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET ? { id: "google", name: "Google" } : null,
    e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET ? { id: "github", name: "GitHub" } : null,
  ].filter((p): p is { id: string; name: string } => p !== null);
}

/** Auth.js's configuration for one request (`req` is undefined when `auth()` runs in a page or action). */
async function buildConfig(req?: NextRequest): Promise<NextAuthConfig> {
  const db = await getDb();
  const e = env();
  return {
    adapter: DrizzleAdapter(db as never, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens } as never),
    secret: e.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
    providers: [
      {
        id: "email",
        type: "email",
        name: "Email",
        maxAge: MAGIC_LINK_MINUTES * 60,
        from: e.MAIL_FROM,
        options: {},
        async sendVerificationRequest({ identifier, url }) {
          // The emailed link opens a page whose button POSTs: mail scanners follow links.
          const callback = new URL(url);
          const confirm = new URL("/signin/confirm", callback.origin);
          confirm.search = callback.search;
          await sendMail(db, {
            to: identifier,
            subject: "Your Baton sign-in link",
            body: createElement(SignInEmail, { url: confirm.toString(), host: callback.host, minutes: MAGIC_LINK_MINUTES }),
          });
        },
      },
      ...oauthProviders(),
    ],
    callbacks: {
      async signIn({ user }) {
        if (!user.email) return false;
        const [row] = await db.select({ disabled: users.disabled }).from(users).where(eq(users.email, user.email.toLowerCase()));
        return !!row && !row.disabled;
      },
      async session({ session, user }) {
        return { ...session, user: { ...session.user, id: user.id } };
      },
    },
    events: authAuditEvents(db, req),
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(buildConfig);
