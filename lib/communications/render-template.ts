import Handlebars from "handlebars";
import { InvalidError } from "@/lib/errors";

/** The variables a message template may use; an empty value counts as missing. */
export type TemplateVariables = {
  client: string;
  incident: { number: number; title: string };
  status: string;
  impact?: string;
  nextUpdateAt?: string;
  service: string;
  priority: string;
  updateMessage?: string;
  senderName: string;
};
export const TEMPLATE_VARIABLES = ["client", "incident.number", "incident.title", "status", "impact", "nextUpdateAt", "service", "priority", "updateMessage", "senderName"] as const;

// A private environment: no helpers or partials registered elsewhere leak in.
const hbs = Handlebars.create();

/** Throws InvalidError naming `field` when the template does not parse. */
export function checkTemplateSyntax(source: string, field: string): void {
  try {
    hbs.precompile(source, { strict: true });
  } catch (e) {
    throw InvalidError.field(field, `The template does not parse: ${(e as Error).message.split("\n")[0]}`);
  }
}

/**
 * Renders plain text with Handlebars in strict mode (no HTML escaping: these are text emails).
 * A variable without a value is an InvalidError naming it and the field it is used in.
 */
export function renderTemplate(source: string, vars: TemplateVariables, field: string): string {
  const data = Object.fromEntries(Object.entries(vars).filter(([, v]) => v !== undefined && v !== null && v !== ""));
  let template: HandlebarsTemplateDelegate;
  try {
    template = hbs.compile(source, { strict: true, noEscape: true });
    return template(data);
  } catch (e) {
    const message = (e as Error).message;
    const missing = /"([^"]+)" not defined/.exec(message)?.[1];
    if (missing) {
      const hint = missing === "impact" ? "fill in the impact" : missing === "nextUpdateAt" ? "set the next update time" : missing === "updateMessage" ? "write the update message" : "it has no value for this incident";
      throw InvalidError.field(field, `The template uses {{${missing}}}, which has no value: ${hint}.`);
    }
    throw InvalidError.field(field, `The template could not be rendered: ${message.split("\n")[0]}`);
  }
}
