// Typed domain errors. lib/action maps them to a status and a message key in one place.
// Messages here are for logs and developers; users see translated text chosen by `code`.
export type ErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID" | "UNAUTHENTICATED";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends AppError {
  constructor(message = "Not found") {
    super("NOT_FOUND", message);
  }
}

// Never shown as "forbidden": callers that answer users map it to not-found so existence does not leak.
export class Forbidden extends AppError {
  constructor(message = "Forbidden") {
    super("FORBIDDEN", message);
  }
}

export class Conflict extends AppError {
  constructor(message = "Conflict") {
    super("CONFLICT", message);
  }
}

export type FieldProblem = { path: string; message: string };

export class Invalid extends AppError {
  constructor(
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super("INVALID", message, problems);
  }
}

export class Unauthenticated extends AppError {
  constructor() {
    super("UNAUTHENTICATED", "Sign-in required");
  }
}
