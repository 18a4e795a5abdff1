import { describe, expect, it } from "vitest";
import { meetingCard, stakeholderMayRead, stakeholderSees } from "./rules";

describe("what a stakeholder may read", () => {
  it.each([
    { pm: { status: "draft", revision: 0 }, reviewer: true, may: false },
    { pm: { status: "in_review", revision: 0 }, reviewer: false, may: false },
    { pm: { status: "in_review", revision: 0 }, reviewer: true, may: true },
    { pm: { status: "published", revision: 1 }, reviewer: false, may: true },
    { pm: { status: "draft", revision: 1 }, reviewer: false, may: true },
  ] as const)("$pm.status rev $pm.revision, reviewer $reviewer: $may", ({ pm, reviewer, may }) => {
    expect(stakeholderMayRead(pm, reviewer)).toBe(may);
  });

  it("reads the version in review when asked to review it, else the latest published revision", () => {
    expect(stakeholderSees({ status: "in_review", revision: 1 }, true)).toEqual({ status: "in_review", revision: 2 });
    expect(stakeholderSees({ status: "in_review", revision: 1 }, false)).toEqual({ status: "published", revision: 1 });
    expect(stakeholderSees({ status: "draft", revision: 2 }, true)).toEqual({ status: "published", revision: 2 });
  });
});

describe("the after-action meeting card", () => {
  const resolvedAt = "2026-11-24T12:00:00.000Z"; // due by 8 Dec, 12:00 UTC
  const fmt = (iso: string) => iso.slice(0, 16);
  const before = new Date("2026-12-01T00:00:00Z");
  const after = new Date("2026-12-08T12:00:01Z");

  it("offers scheduling until the deadline, in any status, published included", () => {
    for (const status of ["draft", "in_review", "published"] as const) {
      expect(meetingCard({ resolvedAt, status }, before, fmt)).toEqual({ description: "Within 14 days of resolution: by 2026-12-08T12:00.", unscheduled: "Not scheduled.", canSchedule: true });
    }
    expect(meetingCard({ resolvedAt, status: "draft" }, new Date("2026-12-08T12:00:00Z"), fmt).canSchedule).toBe(true);
  });

  it("after the deadline offers no form (every date would be refused) and prompts nothing on a published one", () => {
    const published = meetingCard({ resolvedAt, status: "published" }, after, fmt);
    expect(published).toMatchObject({ canSchedule: false, unscheduled: "None was scheduled." });
    expect(published.description).toMatch(/by 2026-12-08T12:00\. That date has passed/);
    expect(meetingCard({ resolvedAt, status: "draft" }, after, fmt)).toMatchObject({ canSchedule: false, unscheduled: "Not scheduled in time." });
  });

  it("without a resolution time it states the rule and leaves the check to the server", () => {
    expect(meetingCard({ resolvedAt: null, status: "draft" }, after, fmt)).toEqual({ description: "Within 14 days of resolution.", unscheduled: "Not scheduled.", canSchedule: true });
  });
});
