"use client";

import * as React from "react";
import type { ActionState } from "@/lib/actions/action-state";

const ActionFormPending = React.createContext(false);

/** True while the enclosing ActionForm's action runs (SubmitButton reads it). */
export function useActionFormPending(): boolean {
  return React.useContext(ActionFormPending);
}

export type ActionFormProps = Omit<React.ComponentProps<"form">, "action" | "onSubmit"> & {
  /** The dispatch function from `useActionState`. */
  action: (form: FormData) => void;
  /** The action's state: after a success the fields show their defaults as they are now; after an error they keep what was typed. */
  state?: ActionState;
};

/**
 * A <form> for a server action that keeps what the person typed when the action answers with
 * field errors. React resets an uncontrolled `<form action={…}>` after every submission, so an
 * error used to arrive next to emptied fields (the person picked, the dates, the note all lost).
 * This form submits through onSubmit in a transition instead, and after a success renders its
 * fields afresh from their current defaults: a "new" form comes back empty, an edit form shows
 * what was saved. (A DOM reset would go back to the defaults of the first render: a <select>
 * keeps the option it was first rendered with, so the next Save quietly put the old value back.)
 * It keeps `action` on the <form> too: before hydration React's own handling applies, as for any
 * action form; after it, React sees the submit already handled (default prevented, in a
 * transition) and only reports it pending to useFormStatus, without running or resetting.
 */
export function ActionForm({ action, state, children, ...props }: ActionFormProps) {
  const [pending, startTransition] = React.useTransition();
  // Each success starts a new generation of the fields (adjusting state while rendering: no effect, no extra paint).
  const [seen, setSeen] = React.useState(state);
  const [generation, setGeneration] = React.useState(0);
  if (state !== seen) {
    setSeen(state);
    if (state?.status === "success") setGeneration((g) => g + 1);
  }
  return (
    <form
      {...props}
      key={generation}
      action={action}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => action(data));
      }}
    >
      <ActionFormPending.Provider value={pending}>{children}</ActionFormPending.Provider>
    </form>
  );
}
