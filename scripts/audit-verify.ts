// `npm run audit:verify [-- --checkpoints FILE]`: recomputes the audit chain from the database and
// holds it against the signed checkpoints (DATA_DIR/audit-checkpoints.log by default, or lines
// taken from the log). Names the first broken link; exit status 0 only when all is intact.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { CHECKPOINTS_FILE, existingAuditCheckpointKey } from "../lib/audit/checkpoints.ts";
import { describeAuditProblem, verifyAudit } from "../lib/audit/index.ts";
import { getConnection } from "../lib/db/index.ts";
import { dataDir } from "../lib/env.ts";

const { values } = parseArgs({ options: { checkpoints: { type: "string" } } });
const file = path.resolve(values.checkpoints ?? path.join(dataDir, CHECKPOINTS_FILE));
const checkpoints = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;

const conn = await getConnection();
let ok = false;
try {
  const report = await verifyAudit({ db: conn.prisma, checkpoints, key: existingAuditCheckpointKey() });
  ok = report.ok;
  const head = report.head ? `, head row id ${report.head.id}` : "";
  console.log(`Audit chain: ${report.rows} rows${head}; ${report.checkpointsMatched} checkpoints matched (${file}).`);
  if (checkpoints === null) console.log(`No checkpoints found: only the chain's own hashes were checked.`);
  for (const problem of report.problems) console.error(describeAuditProblem(problem));
  console.log(ok ? "Audit chain intact." : "Audit chain NOT intact.");
} finally {
  await conn.close();
}
process.exitCode = ok ? 0 : 1;
