import "server-only";
export { appendAudit, type AuditInput } from "./log.ts";
export { verifyAudit, verifyAuditChain, describeAuditProblem, type AuditProblem, type AuditReport } from "./verify.ts";
export { writeAuditCheckpoint, startAuditCheckpoints, CHECKPOINTS_FILE, type Checkpoint } from "./checkpoints.ts";
export { auditCheckpointKey, existingAuditCheckpointKey } from "./checkpoint-key.ts";
