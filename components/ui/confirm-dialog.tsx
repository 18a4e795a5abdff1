"use client";

import * as React from "react";
import { useFormStatus } from "react-dom";
import * as AlertDialogPrimitive from "@radix-ui/react-alert-dialog";
import { CircleQuestionMark, TriangleExclamationPoint } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";

export type ConfirmDialogProps = {
  /** Server action (or any form action) that receives the form data. */
  action: (formData: FormData) => void | Promise<void>;
  /** Hidden inputs posted with the form, e.g. { id: team.id }. */
  hidden?: Record<string, string>;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Custom trigger element (rendered via asChild — must be a single element that accepts a ref, e.g. <Button>). */
  trigger?: React.ReactElement;
  /** Label for the default trigger button. Defaults to `confirmLabel`. */
  triggerLabel?: React.ReactNode;
  /** Accessible name of the default trigger when its label alone is ambiguous ("Delete" in a list: "Delete Weekly rotation"). */
  triggerAriaLabel?: string;
  triggerVariant?: ButtonVariant;
  triggerSize?: ButtonSize;
  triggerClassName?: string;
  /** Disables the default trigger. */
  disabled?: boolean;
  confirmLabel?: string;
  pendingLabel?: string;
  cancelLabel?: string;
  /** "danger" (default) for destructive actions, "primary" for neutral confirmations. */
  tone?: "danger" | "primary";
  /**
   * Require the user to type this exact text (e.g. the team name) before the
   * confirm button enables. The typed value is also posted as `confirmation`.
   */
  confirmText?: string;
  /** Extra form fields rendered above the buttons (e.g. a reason <Textarea name="reason">). */
  children?: React.ReactNode;
};

/** Closes the dialog once the form's submission finishes (pending: true → false). */
function CloseWhenSettled({ onSettled }: { onSettled: () => void }) {
  const { pending } = useFormStatus();
  const wasPending = React.useRef(false);
  React.useEffect(() => {
    if (wasPending.current && !pending) onSettled();
    wasPending.current = pending;
  }, [pending, onSettled]);
  return null;
}

export function ConfirmDialog({
  action,
  hidden,
  title,
  description,
  trigger,
  triggerLabel,
  triggerAriaLabel,
  triggerVariant,
  triggerSize = "md",
  triggerClassName,
  disabled,
  confirmLabel = "Confirm",
  pendingLabel,
  cancelLabel = "Cancel",
  tone = "danger",
  confirmText,
  children,
}: ConfirmDialogProps) {
  const [open, setOpen] = React.useState(false);
  const [typed, setTyped] = React.useState("");
  const inputRef = React.useRef<HTMLInputElement>(null);
  const inputId = React.useId();

  const onOpenChange = React.useCallback((next: boolean) => {
    setOpen(next);
    if (!next) setTyped("");
  }, []);
  const close = React.useCallback(() => onOpenChange(false), [onOpenChange]);

  const needsText = typeof confirmText === "string" && confirmText.length > 0;
  const matches = !needsText || typed.trim() === confirmText.trim();
  const Icon = tone === "danger" ? TriangleExclamationPoint : CircleQuestionMark;

  return (
    <AlertDialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialogPrimitive.Trigger asChild>
        {trigger ?? (
          <Button
            type="button"
            variant={triggerVariant ?? (tone === "danger" ? "outline" : "primary")}
            size={triggerSize}
            disabled={disabled}
            aria-label={triggerAriaLabel}
            className={cn(tone === "danger" && !triggerVariant && "text-red-700 hover:text-red-800", triggerClassName)}
          >
            {triggerLabel ?? confirmLabel}
          </Button>
        )}
      </AlertDialogPrimitive.Trigger>
      <AlertDialogPrimitive.Portal>
        <AlertDialogPrimitive.Overlay className="fixed inset-0 z-50 bg-slate-950/40 backdrop-blur-[2px] data-[state=closed]:animate-fade-out data-[state=open]:animate-fade-in" />
        <AlertDialogPrimitive.Content
          {...(description ? {} : { "aria-describedby": undefined })}
          onOpenAutoFocus={(event) => {
            if (needsText) {
              event.preventDefault();
              inputRef.current?.focus();
            }
          }}
          className={cn(
            "fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 overflow-y-auto",
            "rounded-xl border border-border bg-surface p-5 text-fg shadow-xl sm:p-6",
            "focus-visible:outline-none data-[state=closed]:animate-dialog-out data-[state=open]:animate-dialog-in",
          )}
        >
          <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
            <div
              aria-hidden="true"
              className={cn(
                "grid size-10 shrink-0 place-items-center rounded-full",
                tone === "danger" ? "bg-red-50 text-red-600 ring-1 ring-red-100" : "bg-brand-50 text-brand-600 ring-1 ring-brand-100",
              )}
            >
              <Icon className="size-5" />
            </div>
            <div className="grid min-w-0 flex-1 gap-1.5">
              <AlertDialogPrimitive.Title className="text-base leading-6 font-semibold tracking-tight text-fg">
                {title}
              </AlertDialogPrimitive.Title>
              {description ? (
                <AlertDialogPrimitive.Description asChild>
                  <div className="text-sm leading-6 text-fg-muted">{description}</div>
                </AlertDialogPrimitive.Description>
              ) : null}
            </div>
          </div>

          <form action={action} className="mt-5 grid gap-4">
            {hidden
              ? Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)
              : null}

            {needsText ? (
              <div className="grid gap-1.5">
                <label htmlFor={inputId} className="text-sm leading-5 text-slate-700">
                  To confirm, type{" "}
                  <span className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.8125rem] font-medium break-all text-fg">
                    {confirmText}
                  </span>{" "}
                  below.
                </label>
                <Input
                  ref={inputRef}
                  id={inputId}
                  name="confirmation"
                  value={typed}
                  onChange={(event) => setTyped(event.target.value)}
                  autoComplete="off"
                  autoCapitalize="off"
                  autoCorrect="off"
                  spellCheck={false}
                  required
                />
              </div>
            ) : null}

            {children}

            <div className="flex flex-col-reverse gap-2 pt-1 sm:flex-row sm:justify-end">
              <AlertDialogPrimitive.Cancel asChild>
                <Button type="button" variant="outline" className="w-full sm:w-auto">
                  {cancelLabel}
                </Button>
              </AlertDialogPrimitive.Cancel>
              <SubmitButton
                variant={tone === "danger" ? "danger" : "primary"}
                disabled={!matches}
                pendingLabel={pendingLabel}
                className="w-full sm:w-auto"
              >
                {confirmLabel}
              </SubmitButton>
            </div>
            <CloseWhenSettled onSettled={close} />
          </form>
        </AlertDialogPrimitive.Content>
      </AlertDialogPrimitive.Portal>
    </AlertDialogPrimitive.Root>
  );
}
