import { z } from "zod";
import type { ApiContract } from "@/lib/http/api-route";
import { alarmIdInput, alarmOutput, alarmReadOutput, markAlarmsDeliveredInput } from "@/lib/escalations/alarm-schemas";
import { list, one } from "./shapes";

/** The signed-in person's own pages, for the portal's alarm (session cookie, not API tokens). */
export const alarmContracts = {
  listMyAlarms: {
    method: "GET",
    path: "/api/v1/me/alarms",
    tag: "Me",
    summary: "Your unread in-app pages for triggered incidents, one per incident (confidential ones without details)",
    permission: "incidents:read",
    auth: "session",
    response: list(alarmOutput),
  },
  markMyAlarmsDelivered: {
    method: "POST",
    path: "/api/v1/me/alarms/delivered",
    tag: "Me",
    summary: "Report that your browser is showing these in-app pages (sent → delivered); others' ids are ignored",
    permission: "incidents:read",
    auth: "session",
    body: markAlarmsDeliveredInput,
    response: one(z.object({ delivered: z.array(z.string()) })),
  },
  readMyAlarm: {
    method: "POST",
    path: "/api/v1/me/alarms/{notificationId}/read",
    tag: "Me",
    summary: "Mark your pages for this notification's incident read",
    permission: "incidents:read",
    auth: "session",
    params: alarmIdInput,
    response: one(alarmReadOutput),
  },
} as const satisfies Record<string, ApiContract>;
