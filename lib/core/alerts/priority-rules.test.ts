import { describe, expect, it } from "vitest";
import { decidePriority, describePriorityDecision, priorityRuleSchema, priorityRulesSchema, type AlertFacts, type PriorityRule } from "./priority-rules";

const facts = (over: Partial<AlertFacts> = {}): AlertFacts => ({
  severity: "warning",
  summary: "Disk 91% full on imaging-01",
  source: "imaging-01.acme.local",
  component: "disk",
  group: "imaging",
  class: "storage",
  customDetails: { mount: "/var/lib/images", site: { name: "Newark" }, free_gb: 12 },
  ...over,
});

const rule = (name: string, priority: PriorityRule["priority"], conditions: PriorityRule["conditions"]): PriorityRule => ({ id: name.toLowerCase().replace(/\W+/g, "-"), name, priority, conditions });
const cond = (field: PriorityRule["conditions"][number]["field"], op: PriorityRule["conditions"][number]["op"], value: string, path = "") => ({ field, op, value, path });

describe("decidePriority", () => {
  it.each([
    { severity: "critical", expected: "high" },
    { severity: "error", expected: "high" },
    { severity: "warning", expected: "medium" },
    { severity: "info", expected: "low" },
  ] as const)("default mapping: $severity → $expected", ({ severity, expected }) => {
    expect(decidePriority(facts({ severity }), [])).toEqual({ priority: expected, rule: null });
  });

  it.each([
    { name: "severity equals", c: cond("severity", "equals", "WARNING"), match: true },
    { name: "summary contains, case-insensitive", c: cond("summary", "contains", "IMAGING"), match: true },
    { name: "summary regex", c: cond("summary", "regex", "^disk \\d+% full"), match: true },
    { name: "summary regex that does not match", c: cond("summary", "regex", "^cpu"), match: false },
    { name: "source equals", c: cond("source", "equals", "imaging-01.acme.local"), match: true },
    { name: "component contains", c: cond("component", "contains", "dis"), match: true },
    { name: "class equals", c: cond("class", "equals", "network"), match: false },
    { name: "group regex", c: cond("group", "regex", "imag(e|ing)"), match: true },
    { name: "custom detail by key", c: cond("detail", "equals", "/var/lib/images", "mount"), match: true },
    { name: "nested custom detail", c: cond("detail", "contains", "newark", "site.name"), match: true },
    { name: "numeric custom detail", c: cond("detail", "equals", "12", "free_gb"), match: true },
    { name: "missing custom detail", c: cond("detail", "equals", "x", "nope"), match: false },
    { name: "missing field", c: cond("source", "contains", "x"), match: false, over: { source: null } },
  ])("$name", ({ c, match, over }) => {
    const d = decidePriority(facts(over), [{ scope: "service", rules: [rule("R", "low", [c])] }]);
    expect(d.priority).toBe(match ? "low" : "medium");
  });

  it("all conditions of a rule must match; the first matching rule wins; service rules come before client rules", () => {
    const service = [rule("Both", "low", [cond("component", "equals", "disk"), cond("class", "equals", "network")]), rule("Images", "high", [cond("group", "equals", "imaging")]), rule("Disk", "low", [cond("component", "equals", "disk")])];
    const client = [rule("Everything", "low", [cond("summary", "regex", ".")])];
    const d = decidePriority(facts(), [{ scope: "service", rules: service }, { scope: "client", rules: client }]);
    expect(d).toEqual({ priority: "high", rule: { scope: "service", id: "images", name: "Images", position: 2 } });
    expect(describePriorityDecision(d, "warning")).toBe("Service rule 2 “Images” → high");
    const fallback = decidePriority(facts({ group: "other" }), [{ scope: "service", rules: service.slice(0, 2) }, { scope: "client", rules: client }]);
    expect(fallback.rule).toMatchObject({ scope: "client", position: 1 });
    expect(describePriorityDecision(decidePriority(facts(), []), "warning")).toBe("Default mapping: warning → medium");
  });
});

describe("priorityRuleSchema", () => {
  it.each([
    { name: "a good rule", input: { name: "Backups", priority: "low", conditions: [{ field: "class", op: "equals", value: "backup" }] }, ok: true },
    { name: "no conditions", input: { name: "x", priority: "low", conditions: [] }, ok: false, path: "conditions" },
    { name: "bad regex", input: { name: "x", priority: "low", conditions: [{ field: "summary", op: "regex", value: "(" }] }, ok: false, path: "conditions.0.value" },
    { name: "detail without a key", input: { name: "x", priority: "low", conditions: [{ field: "detail", op: "equals", value: "y" }] }, ok: false, path: "conditions.0.path" },
    { name: "unknown severity", input: { name: "x", priority: "low", conditions: [{ field: "severity", op: "equals", value: "urgent" }] }, ok: false, path: "conditions.0.value" },
    { name: "unknown priority", input: { name: "x", priority: "p1", conditions: [{ field: "class", op: "equals", value: "y" }] }, ok: false, path: "priority" },
  ])("$name", ({ input, ok, path }) => {
    const r = priorityRuleSchema.safeParse(input);
    expect(r.success).toBe(ok);
    if (!r.success) expect(r.error.issues.map((i) => i.path.join("."))).toContain(path);
  });

  it("caps the list", () => {
    const one = { name: "x", priority: "low", conditions: [{ field: "class", op: "equals", value: "y" }] };
    expect(priorityRulesSchema.safeParse(Array.from({ length: 51 }, () => one)).success).toBe(false);
  });
});
