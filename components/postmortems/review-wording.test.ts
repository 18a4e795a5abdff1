import { describe, expect, it } from "vitest";
import { approvedWording, reviewAskWording, showCommentThread } from "./review-wording";

describe("what a reviewer is asked to do", () => {
  it("staff comment on a section; stakeholders, who have no comment box, contact the MSP's team", () => {
    expect(reviewAskWording(true, "many")).toBe("read them, comment on a section if something is missing or wrong, and approve them");
    expect(reviewAskWording(false, "one")).toBe("read it, contact your MSP's team if something is missing or wrong, and otherwise approve it");
    expect(reviewAskWording(false, "many")).not.toMatch(/comment/);
  });
});

describe("the confirmation after approving", () => {
  const pending = { approvedAt: null };
  const done = { approvedAt: "2026-11-21T09:00:00.000Z" };
  it("names the revision under review (the next one) and what is still missing", () => {
    expect(approvedWording({ status: "in_review", revision: 0, reviewers: [done, pending] }, true)).toBe("You approved revision 1. It is published once the other reviewer approves.");
    expect(approvedWording({ status: "in_review", revision: 2, reviewers: [done, pending, pending] }, false)).toBe("You approved revision 3. It is published once the other 2 reviewers approve.");
  });
  it("says who publishes once everyone has approved", () => {
    expect(approvedWording({ status: "in_review", revision: 0, reviewers: [done] }, true)).toBe("You approved revision 1. Every reviewer has approved: it can be published.");
    expect(approvedWording({ status: "in_review", revision: 0, reviewers: [done] }, false)).toBe("You approved revision 1. Every reviewer has approved: your MSP's team can publish it.");
    expect(approvedWording({ status: "published", revision: 1, reviewers: [done] }, false)).toBe("You approved revision 1. It is published.");
  });
});

describe("the per-section review comment expanders", () => {
  it("show in review for whoever can comment, and wherever there are comments", () => {
    expect(showCommentThread({ status: "draft", comments: 0, canComment: true })).toBe(false);
    expect(showCommentThread({ status: "in_review", comments: 0, canComment: true })).toBe(true);
    expect(showCommentThread({ status: "draft", comments: 2, canComment: true })).toBe(true);
    expect(showCommentThread({ status: "published", comments: 0, canComment: false })).toBe(false);
    expect(showCommentThread({ status: "published", comments: 1, canComment: false })).toBe(true);
  });
});
