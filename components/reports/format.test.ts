import { describe, expect, it } from "vitest";
import { unansweredDetail } from "./format";

describe("unansweredDetail: the Unanswered tile's line agrees with the figures (unanswered ⊆ failed over)", () => {
  it.each([
    { name: "no policy ran out", failedOver: 0, unanswered: 0, expected: "no policy ran out" },
    { name: "every failed-over one unanswered", failedOver: 2, unanswered: 2, expected: "of 2 failed over" },
    { name: "one acknowledged late", failedOver: 3, unanswered: 2, expected: "of 3 failed over, 1 acknowledged late" },
    { name: "all acknowledged late: none unanswered", failedOver: 1, unanswered: 0, expected: "of 1 failed over, 1 acknowledged late" },
    { name: "thousands", failedOver: 1200, unanswered: 1000, expected: "of 1,200 failed over, 200 acknowledged late" },
  ])("$name", ({ failedOver, unanswered, expected }) => {
    expect(unansweredDetail({ failedOver, unanswered })).toBe(expected);
  });
});
