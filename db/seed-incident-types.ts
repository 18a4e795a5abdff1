import type { Queryable } from "./client";
import { incidentTypes, type ChecklistStep } from "./schema";

const ASSESS = "Assess";
const FIRST = "Before changing anything";
const FORENSICS = "Forensic collection";
const CONTAIN = "Contain";
const RECOVER = "Recover";
const CLOSE = "Close";

const identify = (what: string): ChecklistStep => ({ section: ASSESS, title: "Identify and assess", detail: `Confirm this is ${what} and not a false positive; set severity from the business impact; name the incident manager.` });
const gather = (what: string): ChecklistStep => ({ section: ASSESS, title: "Gather information", detail: what });
const evaluate = (what: string): ChecklistStep => ({ section: ASSESS, title: "Evaluate affected systems", detail: what });

/** The two steps every security incident takes first: the insurer and the plan decide what may be touched. */
const securityFirst: ChecklistStep[] = [
  {
    section: FIRST,
    title: "Notify the client's cyber-insurance provider before isolation or changes",
    detail: "Call the breach hotline on the client's policy, record the claim number and the adjuster's name. Many policies require notice before remediation and the use of their panel forensics firm and counsel; get written approval before isolating, reimaging or resetting beyond the first affected account.",
  },
  {
    section: FIRST,
    title: "Review the continuity/recovery plan's requirements",
    detail: "Open the client's business-continuity / disaster-recovery plan: who may authorise shutdowns, RTO/RPO of the affected systems, contractual and regulatory notification deadlines (e.g. GDPR 72 h, state breach laws), legal counsel and PR contacts.",
  },
];

/** Forensic collection per OS and service, before anything is wiped or rebooted. */
const forensics: ChecklistStep[] = [
  {
    section: FORENSICS,
    title: "Windows: memory image, event logs, prefetch and triage artefacts",
    detail: "Capture RAM before shutdown (WinPmem, Magnet RAM Capture or DumpIt). Export EVTX: Security, System, Application, Microsoft-Windows-PowerShell/Operational, TerminalServices-*, Sysmon, Windows Defender. Collect Prefetch, Amcache.hve, SYSTEM (ShimCache), SAM/SECURITY/SOFTWARE/NTUSER.DAT hives, $MFT and $UsnJrnl, scheduled tasks, services, SRUM and browser history (a KAPE !SANS_Triage target does all of it).",
  },
  {
    section: FORENSICS,
    title: "Linux: memory, logs, shell history and persistence",
    detail: "Capture RAM with AVML or LiME. Save `ps auxwwf`, `ss -tanp`, `lsof -nP`, `last -F`, `who`. Collect /var/log (auth.log or secure, syslog, audit/audit.log), `journalctl --since` for the window, every user's .bash_history, crontabs and /etc/cron*, systemd units, ~/.ssh/authorized_keys, /etc/passwd, /etc/shadow and /etc/sudoers changes, /tmp and /dev/shm; SHA-256 suspicious binaries.",
  },
  {
    section: FORENSICS,
    title: "macOS: unified logs and persistence",
    detail: "`sudo log collect --last 7d`; LaunchAgents and LaunchDaemons (user and system), login items, ~/Library/Application Support/com.apple.TCC/TCC.db, quarantine events (com.apple.LaunchServices.QuarantineEventsV2), shell histories.",
  },
  {
    section: FORENSICS,
    title: "Microsoft 365 / Entra ID: sign-in and audit logs, mailbox rules, app consents",
    detail: "Export Entra sign-in logs (interactive and non-interactive) and audit logs for the window — 30 days are kept with P1/P2, 7 without. Search the Purview Unified Audit Log (MailItemsAccessed, New-InboxRule, Set-Mailbox forwarding, consent to application). `Get-InboxRule` and forwarding for affected mailboxes; OAuth app consents and service principals added; MFA methods registered or changed; risky sign-ins.",
  },
  {
    section: FORENSICS,
    title: "Network, firewall, VPN and remote-access logs",
    detail: "Firewall and VPN logs, RDP gateway and remote-tool (ScreenConnect, AnyDesk, TeamViewer, RMM) session logs, DNS and proxy logs, NetFlow for the affected hosts; note each source's retention so nothing rolls over.",
  },
  {
    section: FORENSICS,
    title: "Hash and log every item in Evidence with its chain of custody",
    detail: "SHA-256 of each image and export, who collected it, where it is stored, each handover.",
  },
];

const recover = (fix: string, rootCause: string, remediate: string, restore: string, verify: string): ChecklistStep[] => [
  { section: CONTAIN, title: "Temporary fix", detail: fix },
  { section: RECOVER, title: "Find the root cause", detail: rootCause },
  { section: RECOVER, title: "Remediate", detail: remediate },
  { section: RECOVER, title: "Restore", detail: restore },
  { section: RECOVER, title: "Test and verify", detail: verify },
  { section: CLOSE, title: "Monitor for a period set by severity", detail: "High: 72 hours of heightened monitoring and alerting; medium: 48 hours; low: 24 hours. Reopen if the indicators come back." },
  { section: CLOSE, title: "Post status 'resolved' and start the post-mortem", detail: "Tell the client's stakeholders, close the insurer's and any regulator's notifications, schedule the blameless review." },
];

type TypeSeed = { key: string; name: string; description: string; security: boolean; steps: ChecklistStep[] };

export const INCIDENT_TYPE_SEEDS: TypeSeed[] = [
  {
    key: "account_compromise",
    name: "Account credential compromise",
    description: "A user or service account's credentials or session are in someone else's hands.",
    security: true,
    steps: [
      ...securityFirst,
      identify("an account used by someone other than its owner (impossible travel, MFA fatigue, a sign-in from an unknown device or country)"),
      gather("Which accounts, since when, from which IPs and user agents; what the attacker accessed, sent or changed (mail sent, files downloaded, rules created)."),
      evaluate("Every system that trusts the account: M365, VPN, SaaS with SSO, shared mailboxes, service principals; privileged group memberships."),
      ...forensics,
      ...recover(
        "Revoke sessions and refresh tokens (Revoke-MgUserSignInSession), block sign-in, reset the password, remove attacker-registered MFA methods, inbox rules and forwarding.",
        "How the credentials were obtained: phishing, reuse from a breach, token theft, MFA fatigue, a weak legacy protocol.",
        "Enforce phishing-resistant MFA, block legacy authentication, Conditional Access for risky sign-ins; remove unneeded privileges.",
        "Re-enable the account with the owner present; re-register MFA in person or by verified call.",
        "Sign-ins come only from expected devices and locations; no new rules, consents or forwarding appear.",
      ),
    ],
  },
  {
    key: "data_breach",
    name: "Data breach of sensitive data",
    description: "Personal, health, payment or confidential business data was, or may have been, accessed or taken.",
    security: true,
    steps: [
      ...securityFirst,
      identify("unauthorised access to or exfiltration of sensitive data"),
      gather("What data (categories, number of records and people), where it was held, how it left (egress logs, cloud sharing links, mail), and when. Preserve everything: legal hold."),
      evaluate("Data stores, file shares, SharePoint/OneDrive sites, databases and backups that held the data; who had access."),
      { section: ASSESS, title: "Brief counsel on notification duties", detail: "Regulators (e.g. the ICO or a state AG), affected individuals, card brands, contractual partners; note each deadline from discovery." },
      ...forensics,
      ...recover(
        "Cut the exfiltration path: disable the sharing links or keys, block the destination, suspend the compromised identity.",
        "The vulnerability or misconfiguration that exposed the data.",
        "Fix it; rotate exposed secrets and API keys; tighten access to least privilege; enable DLP alerts.",
        "Restore service of the data store under the new controls.",
        "Access and egress logs show no further transfers; the exposure is closed from outside (re-test the link, bucket or endpoint).",
      ),
    ],
  },
  {
    key: "lateral_movement",
    name: "Lateral movement",
    description: "An attacker moves from one compromised host or identity to others inside the network.",
    security: true,
    steps: [
      ...securityFirst,
      identify("hands-on-keyboard movement between hosts (PsExec, WMI, RDP, SMB admin shares, pass-the-hash, Kerberoasting)"),
      gather("The first compromised host, the accounts used, the hosts reached and the tools seen; EDR process trees and authentication events (4624 type 3/10, 4648, 4769)."),
      evaluate("Domain controllers, file servers, backup servers and hypervisors first: they decide how bad this is."),
      ...forensics,
      ...recover(
        "With the insurer's approval, network-isolate affected hosts through the EDR; disable the accounts used; block the C2 addresses at the firewall.",
        "Initial access vector and each hop; the credentials the attacker holds.",
        "Reset affected and privileged credentials (krbtgt twice, 10 hours apart, if a DC was touched); remove persistence; patch the exploited service; segment the network.",
        "Rebuild or clean hosts from known-good images; reconnect in order of dependency.",
        "No further anomalous authentication or EDR detections across the estate; a threat hunt for the indicators comes back clean.",
      ),
    ],
  },
  {
    key: "phishing",
    name: "Phishing / pretexting",
    description: "A deceptive email, call or message tried to get credentials, money or access.",
    security: true,
    steps: [
      ...securityFirst,
      identify("a phishing or pretexting attempt, and whether anyone clicked, replied, entered credentials or paid"),
      gather("The message with full headers, sender, links and attachments (detonate in a sandbox), who received it (message trace), who interacted."),
      evaluate("Mailboxes and endpoints of everyone who clicked or opened an attachment; any payment or bank-detail change requested."),
      ...forensics,
      ...recover(
        "Purge the message from every mailbox (Compliance search and purge / Threat Explorer), block the sender and URLs, reset credentials of anyone who entered them.",
        "Why the message got through: spoofing (SPF/DKIM/DMARC), a look-alike domain, a compromised partner mailbox.",
        "Tighten mail filtering and DMARC; add the indicators to blocklists; verify payment changes by call-back to a known number.",
        "Release any legitimate mail quarantined by the purge.",
        "No further deliveries of the campaign; the users who interacted show no suspicious sign-ins.",
      ),
      { section: CLOSE, title: "Brief the users targeted", detail: "What to look for next time and how to report it; no blame." },
    ],
  },
  {
    key: "ransomware",
    name: "Ransomware / extortion",
    description: "Files or systems are encrypted, or data was stolen and a ransom is demanded.",
    security: true,
    steps: [
      ...securityFirst,
      identify("ransomware or extortion: the note, the file extension, the group's name, any leak-site post"),
      gather("Photograph the ransom note; do not contact the attacker or pay — the insurer and counsel decide. Note the time of encryption per host and the patient-zero candidates."),
      evaluate("Which hosts are encrypted, which still work; backups (are they intact and offline?), hypervisors, domain controllers."),
      { section: ASSESS, title: "Check sanctions before any payment discussion", detail: "Counsel checks the group against OFAC and local sanctions lists; law enforcement notified (FBI IC3, NCSC, Action Fraud) as the plan says." },
      ...forensics,
      ...recover(
        "Disconnect affected hosts from the network without powering them off (memory first); disable compromised accounts; stop sync to cloud storage.",
        "Initial access (exposed RDP, VPN without MFA, phishing, an unpatched edge device) and the dwell time.",
        "Eradicate persistence, reset all privileged credentials, patch the entry point, enforce MFA on remote access.",
        "Restore from clean, offline backups in the order of the recovery plan; scan restored data before reconnecting.",
        "Restored systems work for their users; no re-encryption or beaconing; backups run again and are tested.",
      ),
    ],
  },
  {
    key: "remote_access_breach",
    name: "Remote access breach",
    description: "An attacker got in through VPN, RDP, a remote-support or RMM tool.",
    security: true,
    steps: [
      ...securityFirst,
      identify("unauthorised use of a remote-access path (VPN, RDP, ScreenConnect, AnyDesk, TeamViewer, the RMM)"),
      gather("Session logs of the tool: who, from where, to which hosts, what was run or transferred; the tool's version and known CVEs."),
      evaluate("Every endpoint the tool reaches — for an RMM that can be every client's estate; check other tenants of the same tool."),
      ...forensics,
      ...recover(
        "Disable the exposed access path or the compromised account; revoke the tool's sessions and API keys; restrict it to known IPs.",
        "Stolen credentials, a missing patch, or an exposed service.",
        "Patch or replace the tool, require MFA and allow-listing, remove unused remote tools from endpoints.",
        "Re-enable remote access under the new controls for named staff only.",
        "Only expected sessions appear in the tool's logs; no unknown agents are installed.",
      ),
    ],
  },
  {
    key: "service_outage",
    name: "Service outage",
    description: "A client's system or service is down or degraded; not a security incident.",
    security: false,
    steps: [
      identify("a real outage or degradation (check the monitoring, reproduce it from a user's view)"),
      gather("When it started, what changed just before (deployments, patches, config, provider status pages), error messages and monitoring graphs."),
      evaluate("Which services, sites and users are affected and which depend on them; is data at risk?"),
      ...recover(
        "Restore service the fastest safe way: fail over, roll back the change, restart, or a workaround for users.",
        "Why it failed, and why monitoring did or did not catch it first.",
        "The lasting fix (capacity, configuration, vendor patch) and an alert for the earliest signal.",
        "Bring the service back fully; replay or reconcile anything queued while it was down.",
        "Users confirm it works; monitoring is green; the change is recorded.",
      ),
    ],
  },
];

/**
 * Reference data every deployment needs (not demo data): the seven incident types with their
 * checklist templates. Matched by key, so a second run changes nothing and managers' edits stay.
 */
export async function seedIncidentTypes(db: Queryable, now: Date): Promise<void> {
  await db
    .insert(incidentTypes)
    .values(INCIDENT_TYPE_SEEDS.map((t) => ({ ...t, updatedAt: now })))
    .onConflictDoNothing();
}
