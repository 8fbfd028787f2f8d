import "server-only";
export { appendAudit, type AuditActor, type AuditInput } from "./log.ts";
export { verifyAudit, verifyAuditChain, describeAuditProblem, type AuditProblem, type AuditReport } from "./verify.ts";
// Checkpoints (files in the data folder) have their own entry, lib/audit/checkpoints.ts, for the
// start process and audit:verify, so the web server's bundle never carries that file code.
