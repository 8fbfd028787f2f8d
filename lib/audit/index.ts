import "server-only";
export { appendAudit, verifyAuditChain, type AuditInput } from "./log.ts";
