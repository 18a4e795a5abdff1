import { z } from "zod";
import { PRIORITIES } from "@/lib/core/alerts";
import { idSchema } from "@/lib/http/common-schemas";

/** One incident ringing for the viewer in the portal: its unread in-app pages, newest first. */
export const alarmOutput = z.object({
  /** The newest unread in-app page for the incident (POST …/{id}/read with it). */
  id: z.string(),
  /** Every unread in-app page of the viewer's for this incident (levels, repeats). */
  notificationIds: z.array(z.string()),
  incidentId: z.string(),
  number: z.number().int(),
  /** Confidential: title, priority, client and service are null (its pages carry no details). */
  confidential: z.boolean(),
  title: z.string().nullable(),
  priority: z.enum(PRIORITIES).nullable(),
  client: z.string().nullable(),
  service: z.string().nullable(),
  triggeredAt: z.iso.datetime(),
  sentAt: z.iso.datetime(),
  /** "sent" until a browser of the viewer's has shown it, then "delivered". */
  state: z.enum(["sent", "delivered"]),
});
export type AlarmOutput = z.infer<typeof alarmOutput>;

export const markAlarmsDeliveredInput = z.object({ ids: z.array(idSchema).min(1, "Send at least one id").max(100, "At most 100 ids") });
export const alarmIdInput = z.object({ notificationId: idSchema });
export const alarmReadOutput = z.object({ incidentId: z.string(), changed: z.boolean() });
