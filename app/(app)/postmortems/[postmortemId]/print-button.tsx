"use client";

import { Printer } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog: the print stylesheet turns the page into a clean report (save as PDF). */
export function PrintButton() {
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      onClick={() => window.print()}
    >
      <Printer aria-hidden /> Print / PDF
    </Button>
  );
}
