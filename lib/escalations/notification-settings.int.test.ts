import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { notificationPreferences, pushSubscriptions } from "@/db/schema";
import { makeUser } from "@/db/test/factories";
import { browserPushKeys } from "@/db/test/push-service-stand-in";
import { createTestDatabase } from "@/db/test/test-database";
import { loadViewer } from "@/lib/access/viewer";
import type { Ctx } from "@/lib/context";
import { channelsFor } from "@/lib/core/escalation";
import { BatonError } from "@/lib/errors";
import { loadPreferences } from "./preferences";
import { readNotificationSettings } from "./read-notification-settings";
import { removePushSubscription } from "./remove-push-subscription";
import { sendTestPush } from "./send-test-push";
import { updateNotificationSettings } from "./update-notification-settings";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const NOW = new Date("2026-11-23T07:00:00Z");
const ctxOf = async (userId: string): Promise<Ctx> => ({ db: t.db, viewer: (await loadViewer(t.db, userId, "session"))!, meta: { ip: null, requestId: "test" }, now: NOW });
const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof BatonError ? { code: e.code, paths: e.issues?.map((i) => i.path) } : e));
const form = { emailEnabled: "on", emailDelayMinutes: "0", pushEnabled: "on", pushDelayMinutes: "0", repeatEveryMinutes: "2", shiftReminders: "on" };

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("notification settings", () => {
  it("someone who never saved gets the defaults: every channel at once, repeat every 2 minutes, shift reminders on", async () => {
    const ctx = await ctxOf((await makeUser(t.db)).id);
    expect(await readNotificationSettings(ctx)).toEqual({
      inApp: { enabled: true, delayMinutes: 0 },
      email: { enabled: true, delayMinutes: 0 },
      push: { enabled: true, delayMinutes: 0 },
      repeatEveryMinutes: 2,
      shiftReminders: true,
      customised: false,
      devices: [],
    });
  });

  it("saves the form (an unticked box is off) as the viewer's own rules, which paging then follows", async () => {
    const alice = await makeUser(t.db);
    const bob = await makeUser(t.db);
    const ctx = await ctxOf(alice.id);
    await updateNotificationSettings({ ctx, input: { emailDelayMinutes: "5", pushEnabled: "on", pushDelayMinutes: "0", repeatEveryMinutes: "5" } });
    const read = await readNotificationSettings(ctx);
    expect(read).toMatchObject({ email: { enabled: false, delayMinutes: 0 }, push: { enabled: true, delayMinutes: 0 }, repeatEveryMinutes: 5, shiftReminders: false, customised: true });
    const prefs = (await loadPreferences(t.db, [alice.id, bob.id]));
    expect(channelsFor(prefs.get(alice.id)!, 0)).toEqual([
      { channel: "in_app", dueAt: 0 },
      { channel: "push", dueAt: 0 },
    ]);
    expect(prefs.get(alice.id)!.repeatEveryMinutes).toBe(5);
    // Bob is untouched, and saving again updates rather than adds.
    expect(await t.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, bob.id))).toHaveLength(0);
    await updateNotificationSettings({ ctx, input: { ...form, emailDelayMinutes: "10" } });
    expect(channelsFor((await loadPreferences(t.db, [alice.id])).get(alice.id)!, 0)).toContainEqual({ channel: "email", dueAt: 10 * 60_000 });
    expect(await t.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, alice.id))).toHaveLength(1);
  });

  it.each([
    ["repeatEveryMinutes", { ...form, repeatEveryMinutes: "0" }],
    ["repeatEveryMinutes", { ...form, repeatEveryMinutes: "61" }],
    ["repeatEveryMinutes", { ...form, repeatEveryMinutes: "" }],
    ["repeatEveryMinutes", { ...form, repeatEveryMinutes: "2.5" }],
    ["emailDelayMinutes", { ...form, emailDelayMinutes: "-1" }],
    ["pushDelayMinutes", { ...form, pushDelayMinutes: "90" }],
    ["pushDelayMinutes", { ...form, pushDelayMinutes: "soon" }],
  ])("refuses a bad %s, naming it", async (field, input) => {
    const ctx = await ctxOf((await makeUser(t.db)).id);
    expect(await codeOf(updateNotificationSettings({ ctx, input }))).toEqual({ code: "invalid", paths: [field] });
  });

  it("a stakeholder isn't paged: the page and the save are forbidden", async () => {
    const ctx = await ctxOf((await makeUser(t.db, { role: "stakeholder" })).id);
    expect(await codeOf(readNotificationSettings(ctx))).toMatchObject({ code: "forbidden" });
    expect(await codeOf(updateNotificationSettings({ ctx, input: form }))).toMatchObject({ code: "forbidden" });
    expect(await codeOf(sendTestPush(ctx))).toMatchObject({ code: "forbidden" });
  });

  it("a device is removed by its owner only; a test push needs a device", async () => {
    const carol = await makeUser(t.db);
    const dan = await makeUser(t.db);
    const keys = browserPushKeys();
    const [dev] = await t.db.insert(pushSubscriptions).values({ userId: carol.id, endpoint: "https://fcm.googleapis.com/fcm/send/carol", p256dh: keys.p256dh, auth: keys.authB64 }).returning();
    expect((await readNotificationSettings(await ctxOf(carol.id))).devices.map((d) => d.id)).toEqual([dev!.id]);
    expect((await readNotificationSettings(await ctxOf(dan.id))).devices).toEqual([]);
    expect(await codeOf(removePushSubscription({ ctx: await ctxOf(dan.id), input: { id: dev!.id } }))).toMatchObject({ code: "not_found" });
    expect(await codeOf(sendTestPush(await ctxOf(dan.id)))).toMatchObject({ code: "conflict" });
    expect(await removePushSubscription({ ctx: await ctxOf(carol.id), input: { id: dev!.id } })).toEqual({ id: dev!.id });
    expect(await t.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, carol.id))).toHaveLength(0);
  });
});
