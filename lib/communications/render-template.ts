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

const BLOCK_HELPERS = new Set(["if", "unless", "each", "with"]);
const KNOWN = new Set<string>([...TEMPLATE_VARIABLES, "incident"]);

type Node = { type: string; [key: string]: unknown };

/** The variable names a parsed template reads ({{x}}, {{#if x}}, {{#unless x}}), outside helpers' own names. */
function variablesOf(node: Node | undefined, out: Set<string>): Set<string> {
  if (!node) return out;
  const path = node.path as (Node & { original?: string }) | undefined;
  const params = (node.params as Node[] | undefined) ?? [];
  switch (node.type) {
    case "Program":
      for (const child of node.body as Node[]) variablesOf(child, out);
      break;
    case "MustacheStatement":
    case "SubExpression":
    case "BlockStatement":
      if (path?.type === "PathExpression" && !(params.length > 0 || node.type === "BlockStatement")) out.add(String(path.original));
      else if (path?.type === "PathExpression" && !BLOCK_HELPERS.has(String(path.original))) out.add(String(path.original));
      for (const p of params) variablesOf(p, out);
      variablesOf(node.program as Node | undefined, out);
      variablesOf(node.inverse as Node | undefined, out);
      break;
    case "PathExpression":
      out.add(String((node as { original?: string }).original));
      break;
  }
  return out;
}

/**
 * Throws InvalidError naming `field` when the template does not parse, or reads a variable Baton
 * doesn't have (a typo would otherwise surface only when an update is sent, mid-incident).
 */
export function checkTemplateSyntax(source: string, field: string): void {
  let ast: Node;
  try {
    ast = hbs.parse(source) as unknown as Node;
    hbs.precompile(source, { strict: true });
  } catch (e) {
    // Handlebars: "Parse error on line 1:\n<source>\n----^\nExpecting 'ID', …, got 'CLOSE'": the first and last lines say it.
    const lines = (e as Error).message.split("\n").filter((l) => l.trim() !== "");
    const detail = lines.length > 1 ? `${lines[0]} ${lines[lines.length - 1]}` : (lines[0] ?? "");
    throw InvalidError.field(field, `The template does not parse: ${detail}`);
  }
  const unknown = [...variablesOf(ast, new Set())].filter((v) => !KNOWN.has(v));
  if (unknown.length > 0) {
    throw InvalidError.field(field, `{{${unknown[0]}}} is not a variable Baton fills in; use ${TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(", ")}`);
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
