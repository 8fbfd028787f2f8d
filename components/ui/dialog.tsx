"use client";
import * as RadixDialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";

// A modal that traps focus, closes on Escape and is announced with its title and description.
// Knows nothing of the domain.
export function Dialog(props: {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  description: string;
  children: ReactNode;
  role?: "dialog" | "alertdialog";
}) {
  return (
    <RadixDialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content className="dialog" role={props.role ?? "dialog"}>
          <RadixDialog.Title className="dialog-title">{props.title}</RadixDialog.Title>
          <RadixDialog.Description>{props.description}</RadixDialog.Description>
          <div className="dialog-actions">{props.children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
