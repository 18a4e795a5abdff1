import * as React from "react";
import { CircleAlert } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { Label } from "@/components/ui/label";

export type FieldError = string | readonly string[] | null | undefined;

export type FieldProps = {
  label: React.ReactNode;
  /** Id of the control. Defaults to the child's `id`, else a generated one that is applied to the child. */
  htmlFor?: string;
  hint?: React.ReactNode;
  /** Error text; accepts a zod-style string[] (all messages are shown). */
  error?: FieldError;
  /** Shows a red asterisk (still put `required` on the control itself). */
  required?: boolean;
  /** Shows a quiet "Optional" tag next to the label. */
  optional?: boolean;
  /** Right-aligned element on the label row, e.g. a "Forgot password?" link. */
  labelAction?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
};

type ControlProps = {
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: React.AriaAttributes["aria-invalid"];
};

function errorMessages(error: FieldError): string[] {
  if (!error) return [];
  const list = typeof error === "string" ? [error] : [...error];
  return list.map((message) => message.trim()).filter(Boolean);
}

/**
 * Label + control + hint + error. When `children` is a single element (Input,
 * Select, Textarea, Checkbox or a native control) it receives `id`,
 * `aria-describedby` and `aria-invalid` automatically.
 */
export function Field({
  label,
  htmlFor,
  hint,
  error,
  required,
  optional,
  labelAction,
  className,
  children,
}: FieldProps) {
  const autoId = React.useId();
  const messages = errorMessages(error);
  const invalid = messages.length > 0;

  const child =
    React.isValidElement<ControlProps>(children) && children.type !== React.Fragment ? children : null;
  const controlId = htmlFor ?? child?.props.id ?? `${autoId}control`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = invalid ? `${controlId}-error` : undefined;

  const control = child
    ? React.cloneElement(child, {
        id: child.props.id ?? controlId,
        "aria-describedby":
          [child.props["aria-describedby"], hintId, errorId].filter(Boolean).join(" ") || undefined,
        "aria-invalid": invalid ? true : child.props["aria-invalid"],
      })
    : children;

  return (
    <div data-slot="field" data-invalid={invalid || undefined} className={cn("group/field grid content-start gap-1.5", className)}>
      <div className="flex min-h-5 items-end justify-between gap-3">
        <Label htmlFor={controlId}>
          {label}
          {required ? (
            <span aria-hidden="true" className="text-red-600">
              *
            </span>
          ) : null}
          {optional ? <span className="ml-1 text-xs font-normal text-fg-subtle">Optional</span> : null}
        </Label>
        {labelAction ? <div className="text-sm">{labelAction}</div> : null}
      </div>
      {control}
      {hint ? (
        <p id={hintId} className="text-[0.8125rem] leading-5 text-fg-muted">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <div id={errorId} role="alert" className="flex items-start gap-1.5 text-[0.8125rem] leading-5 font-medium text-red-700">
          <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <div className="grid gap-0.5">
            {messages.map((message, index) => (
              <p key={index}>{message}</p>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
