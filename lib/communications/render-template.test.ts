import { describe, expect, it } from "vitest";
import { InvalidError } from "@/lib/errors";
import { checkTemplateSyntax, renderTemplate, type TemplateVariables } from "./render-template";

const vars: TemplateVariables = {
  client: "Acme Dental",
  incident: { number: 42, title: "Files encrypted on <FS01> & backups" },
  status: "Identified",
  impact: "The shared drive is offline",
  nextUpdateAt: "Mon, 23 Nov 2026, 17:30 EST",
  service: "Acme Dental Servers",
  priority: "high",
  updateMessage: "Restoring from offline backups",
  senderName: "Morgan Manager",
};

function invalid(fn: () => unknown): InvalidError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidError);
    return e as InvalidError;
  }
  throw new Error("expected an InvalidError");
}

describe("message templates", () => {
  it("render every variable, nested ones too, as plain text without HTML escaping", () => {
    expect(renderTemplate("[{{client}}] #{{incident.number}} {{incident.title}} — {{status}} ({{priority}}, {{service}}): {{impact}}. {{updateMessage}}. Next by {{nextUpdateAt}}. {{senderName}}", vars, "body")).toBe(
      "[Acme Dental] #42 Files encrypted on <FS01> & backups — Identified (high, Acme Dental Servers): The shared drive is offline. Restoring from offline backups. Next by Mon, 23 Nov 2026, 17:30 EST. Morgan Manager",
    );
  });

  it.each([
    { name: "impact", missing: { impact: undefined }, hint: /fill in the impact/ },
    { name: "nextUpdateAt", missing: { nextUpdateAt: "" }, hint: /set the next update time/ },
    { name: "updateMessage", missing: { updateMessage: undefined }, hint: /write the update message/ },
  ])("a missing {{$name}} is an error naming it and the field", ({ name, missing, hint }) => {
    const e = invalid(() => renderTemplate(`Status: {{status}}. {{${name}}}`, { ...vars, ...missing }, "management.body"));
    expect(e.message).toContain(`{{${name}}}`);
    expect(e.message).toMatch(hint);
    expect(e.issues).toEqual([expect.objectContaining({ path: "management.body" })]);
  });

  it("a variable Baton does not know is refused when rendering, not silently left empty", () => {
    const e = invalid(() => renderTemplate("Dear {{contactName}}", vars, "owner.subject"));
    expect(e.message).toContain("{{contactName}}");
    expect(e.message).toMatch(/no value for this incident/);
    expect(e.issues).toEqual([expect.objectContaining({ path: "owner.subject" })]);
  });

  it("a template that does not parse is refused when saved, naming the field", () => {
    expect(() => checkTemplateSyntax("{{client}} {{#if}}", "body")).toThrow(/does not parse/);
    expect(invalid(() => checkTemplateSyntax("{{#each}}", "subject")).issues).toEqual([expect.objectContaining({ path: "subject" })]);
    expect(() => checkTemplateSyntax("{{client}}: {{incident.title}}", "body")).not.toThrow();
    // The message says where and what, not only "Parse error on line 1:".
    expect(invalid(() => checkTemplateSyntax("{{client}} {{#if}}", "body")).message).toMatch(/line 1:.*Expecting/);
  });

  it.each([
    { source: "Dear {{contactName}}", unknown: "contactName" },
    { source: "{{#if impakt}}Impact: {{impact}}{{/if}}", unknown: "impakt" },
    { source: "{{incident.titel}}", unknown: "incident.titel" },
  ])("a variable Baton doesn't fill in is refused when saved: $unknown", ({ source, unknown }) => {
    const e = invalid(() => checkTemplateSyntax(source, "body"));
    expect(e.message).toContain(`{{${unknown}}} is not a variable Baton fills in`);
    expect(e.issues).toEqual([expect.objectContaining({ path: "body" })]);
  });

  it("the variables Baton fills in, and if/unless around them, are accepted", () => {
    expect(() => checkTemplateSyntax("[{{client}}] #{{incident.number}} {{incident.title}} — {{status}} ({{priority}}, {{service}}){{#if impact}} Impact: {{impact}}{{/if}}{{#unless nextUpdateAt}} No next update.{{else}} Next by {{nextUpdateAt}}.{{/unless}} {{updateMessage}} {{senderName}}", "body")).not.toThrow();
  });

  it("helpers registered on the global Handlebars do not leak in", async () => {
    const Handlebars = (await import("handlebars")).default;
    Handlebars.registerHelper("shout", (s: string) => s.toUpperCase());
    try {
      expect(() => renderTemplate("{{shout client}}", vars, "body")).toThrow(InvalidError);
    } finally {
      Handlebars.unregisterHelper("shout");
    }
  });
});
