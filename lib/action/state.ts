// What a form gets back from a server action. Shared by server and client; no server imports.
export type ActionState = {
  ok: boolean;
  /** A message for the whole form, already translated. */
  formError?: string;
  /** Messages per field, already translated. */
  fieldErrors?: Record<string, string>;
  /** What the person typed (never passwords), so a failed form keeps it. */
  values?: Record<string, string>;
  message?: string;
  /** Problems found in an uploaded file, each where it is (a JSON path) and what (an import). */
  problems?: { path: string; message: string }[];
  /** Accounts found by a search, answered in the page rather than put in its address. */
  matches?: { id: string; username: string; displayName: string; role: string; disabled: boolean }[];
} | null;

/** A server action a form runs through useActionState. */
export type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;
