import { describe, expect, it } from "vitest";
import { csvCell, csvFilename, reportTableColumns, toCsv } from "./csv";
import { reportFiltersSchema, resolveReportFilters } from "./filters";

describe("csvCell: RFC 4180 quoting and a formula guard", () => {
  it.each([
    { value: "plain", expected: "plain" },
    { value: "a,b", expected: '"a,b"' },
    { value: 'say "hi"', expected: '"say ""hi"""' },
    { value: "two\nlines", expected: '"two\nlines"' },
    { value: "=HYPERLINK(\"x\")", expected: '"\'=HYPERLINK(""x"")"' },
    { value: "+1 555", expected: "'+1 555" },
    { value: "-rm", expected: "'-rm" },
    { value: "@SUM(A1)", expected: "'@SUM(A1)" },
    { value: -5, expected: "-5" },
    { value: 1.5, expected: "1.5" },
    { value: null, expected: "" },
    { value: true, expected: "true" },
  ])("$value → $expected", ({ value, expected }) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe("toCsv", () => {
  it("a header row, nested objects as dotted columns, CRLF after every line", () => {
    expect(toCsv([{ key: "a", mtta: { mean: 1, p90: null } }], ["key", "mtta.mean", "mtta.p90"])).toBe("key,mtta.mean,mtta.p90\r\na,1,\r\n");
  });
  it("an empty table still has its header", () => {
    expect(toCsv([], reportTableColumns("delivery", "byChannel"))).toBe("channel,total,pending,sent,delivered,read,failed,timeToRead.count,timeToRead.mean,timeToRead.median,timeToRead.p90\r\n");
  });
  it("filename: the period's first and last day", () => {
    expect(csvFilename("response", "byWeek", { from: "2026-03-02T00:00:00.000Z", to: "2026-03-16T00:00:00.000Z", teamId: null, clientId: null, serviceId: null, priority: null })).toBe("baton-response-byWeek-2026-03-02-2026-03-15.csv");
  });
});

describe("report filters", () => {
  const now = new Date("2026-03-20T12:00:00Z");
  const parse = (input: object) => resolveReportFilters(reportFiltersSchema.parse(input), now);
  it.each([
    { name: "nothing: the 30 days ending now", input: {}, from: "2026-02-18T12:00:00.000Z", to: "2026-03-20T12:00:00.000Z" },
    { name: "dates: from midnight UTC, to through the end of that day", input: { from: "2026-03-01", to: "2026-03-01" }, from: "2026-03-01T00:00:00.000Z", to: "2026-03-02T00:00:00.000Z" },
    { name: "date-times with an offset", input: { from: "2026-03-01T00:00:00-05:00", to: "2026-03-02T00:00:00Z" }, from: "2026-03-01T05:00:00.000Z", to: "2026-03-02T00:00:00.000Z" },
    { name: "only from: 30 days on, not past now", input: { from: "2026-03-10" }, from: "2026-03-10T00:00:00.000Z", to: "2026-03-20T12:00:00.000Z" },
    { name: "only to: the 30 days before it", input: { to: "2026-01-31" }, from: "2026-01-02T00:00:00.000Z", to: "2026-02-01T00:00:00.000Z" },
    { name: "366 days is allowed", input: { from: "2025-01-01", to: "2026-01-01" }, from: "2025-01-01T00:00:00.000Z", to: "2026-01-02T00:00:00.000Z" },
  ])("$name", ({ input, from, to }) => {
    const f = parse(input);
    expect([f.from.toISOString(), f.to.toISOString()]).toEqual([from, to]);
  });
  it.each([
    { name: "not a date", input: { from: "03/01/2026" }, path: "from" },
    { name: "from after to", input: { from: "2026-03-05", to: "2026-03-01" }, path: "from" },
    { name: "367 days", input: { from: "2025-01-01", to: "2026-01-02" }, path: "to" },
    { name: "unknown priority", input: { priority: "urgent" }, path: "priority" },
  ])("refused: $name (names $path)", ({ input, path }) => {
    const r = reportFiltersSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual([path]);
  });
  it("only from, after now: refused once now fills the end", () => {
    expect(() => parse({ from: "2026-04-01" })).toThrow(/from/);
  });
});
