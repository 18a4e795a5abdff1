/**
 * How an after-action meeting is named in invitations and reminders, which leave Baton by email.
 * A confidential incident's title stays in Baton (need to know: a mailbox may be read by the very
 * attacker the incident is about), so the subject carries only its number.
 */
export function meetingWording(incident: { number: number; title: string; confidential: boolean }, at: Date) {
  return {
    subject: incident.confidential ? `After-action meeting: confidential incident #${incident.number}` : `After-action meeting: #${incident.number} ${incident.title}`,
    when: `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`,
  };
}
