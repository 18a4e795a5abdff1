"use client";

import * as React from "react";
import { useFormStatus } from "react-dom";
import { useActionFormPending } from "@/components/ui/action-form";
import { Button, type ButtonProps } from "@/components/ui/button";

export type SubmitButtonProps = Omit<ButtonProps, "type" | "asChild"> & {
  /** Label while the form is submitting, e.g. "Saving…". Defaults to the normal label. */
  pendingLabel?: React.ReactNode;
};

/** Submit button that shows a spinner and disables itself while its parent <form> (or ActionForm) is pending. */
export function SubmitButton({ pendingLabel, pending: pendingProp, children, ...props }: SubmitButtonProps) {
  const { pending: formPending } = useFormStatus();
  const actionFormPending = useActionFormPending();
  const pending = Boolean(pendingProp) || formPending || actionFormPending;
  return (
    <Button type="submit" pending={pending} {...props}>
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
