import { Alert } from "@/components/ui/alert";

/** Shows the `?error=` a one-button form came back with. */
export function PageError({ error }: { error?: string }) {
  if (!error) return null;
  return (
    <Alert variant="danger" className="mb-6" role="alert">
      {error.slice(0, 300)}
    </Alert>
  );
}
