import { describe, expect, it } from "vitest";
import { buttonsFor, flaggedAdvice, waitsFor, type RequestViewer } from "@/components/schedules/request-rules";
import { SWAP_STATUSES } from "@/db/schema";
import type { SwapRequestOutput } from "./schemas";
import { stepAllowed, SWAP_STEPS } from "./steps";

const request = (over: Partial<SwapRequestOutput> = {}): SwapRequestOutput => ({
  id: "r1",
  scheduleId: "s1",
  kind: "cover",
  status: "pending",
  requesterId: "alice",
  requesterName: "Alice",
  counterpartId: "bob",
  counterpartName: "Bob",
  acceptedBy: null,
  shift: { layerId: "l1", index: 3, start: "2026-11-23T14:00:00.000Z", end: "2026-11-30T14:00:00.000Z" },
  part: { start: "2026-11-23T14:00:00.000Z", end: "2026-11-30T14:00:00.000Z" },
  counterpartShift: null,
  needsApproval: true,
  flagged: false,
  note: "",
  createdAt: "2026-11-20T12:00:00.000Z",
  ...over,
});
const alice: RequestViewer = { userId: "alice", teamIds: ["t1"], canApprove: false };
const bob: RequestViewer = { userId: "bob", teamIds: ["t1"], canApprove: false };
const carol: RequestViewer = { userId: "carol", teamIds: ["t1"], canApprove: false };
const manager: RequestViewer = { userId: "mgr", teamIds: [], canApprove: true };

describe("a request's life (SWAP_STEPS)", () => {
  it("may be withdrawn until it changes the schedule, and not after", () => {
    const cancellable = SWAP_STATUSES.filter((s) => stepAllowed("cancel", s));
    expect(cancellable).toEqual(["pending", "accepted"]);
    expect(SWAP_STEPS.approve.from).toEqual(["accepted"]);
    expect(SWAP_STEPS.revert.from).toEqual(["approved"]);
    // Every step leads to a status the table knows.
    for (const step of Object.values(SWAP_STEPS)) expect(SWAP_STATUSES).toContain(step.to);
  });
});

describe("the inbox's buttons follow the steps", () => {
  it("a pending request: accept and decline for the one asked, cancel for the requester and managers", () => {
    expect(buttonsFor(request(), bob, "t1")).toEqual(["accept", "decline"]);
    expect(buttonsFor(request(), alice, "t1")).toEqual(["cancel"]);
    expect(buttonsFor(request(), manager, "t1")).toEqual(["cancel"]);
    expect(buttonsFor(request({ counterpartId: null, counterpartName: null }), carol, "t1")).toEqual(["accept"]);
  });

  it("an accepted request waiting for approval: the manager approves or rejects; the requester may still cancel", () => {
    const accepted = request({ status: "accepted", acceptedBy: "bob" });
    expect(buttonsFor(accepted, manager, "t1")).toEqual(["approve", "reject"]);
    expect(waitsFor(accepted, manager, "t1")).toBe(true);
    expect(buttonsFor(accepted, alice, "t1")).toEqual(["cancel"]);
    expect(buttonsFor(accepted, bob, "t1")).toEqual([]);
    expect(buttonsFor(request({ status: "approved" }), alice, "t1")).toEqual([]);
    expect(buttonsFor(request({ status: "approved" }), manager, "t1")).toEqual(["revert"]);
  });

  it("a flagged request is not offered for acceptance nor approval; the manager is told to reject it, the requester to cancel it", () => {
    const accepted = request({ status: "accepted", acceptedBy: "bob", flagged: true });
    expect(buttonsFor(accepted, manager, "t1")).toEqual(["reject"]);
    // Still waiting for the manager: to be rejected.
    expect(waitsFor(accepted, manager, "t1")).toBe(true);
    expect(flaggedAdvice(accepted, manager)).toBe("It can no longer be approved as it is: reject it, and Alice can ask again for the shift as it is now.");
    expect(flaggedAdvice(accepted, manager)).not.toMatch(/cancel/);
    expect(buttonsFor(accepted, alice, "t1")).toEqual(["cancel"]);
    expect(flaggedAdvice(accepted, alice)).toBe("It can no longer be approved as it is: cancel it and ask again for the shift as it is now.");
    expect(flaggedAdvice(accepted, bob)).toMatch(/a manager will reject it/);

    const pending = request({ flagged: true });
    expect(buttonsFor(pending, bob, "t1")).toEqual(["decline"]);
    expect(waitsFor(pending, bob, "t1")).toBe(false);
    expect(buttonsFor(pending, alice, "t1")).toEqual(["cancel"]);
    expect(flaggedAdvice(pending, alice)).toBe("It can no longer be accepted as it is: cancel it and ask again for the shift as it is now.");
    expect(flaggedAdvice(request({ flagged: true, status: "cancelled" }), alice)).toBeNull();
    expect(flaggedAdvice(request(), alice)).toBeNull();
  });
});
