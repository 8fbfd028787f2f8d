import { systemClock, type Clock } from "../clock.ts";
import type { Db } from "../db/connect.ts";
import { log } from "../log.ts";
import { pruneNews } from "./queries.ts";

const HOUR = 60 * 60 * 1000;

/**
 * Deletes items of "what's new" older than the year kept, now and then hourly, without keeping
 * the process alive (the portal's start process runs it beside the audit checkpoints; every node
 * may, since deleting what is already gone changes nothing). Reading never shows an older item
 * anyway (visibleNewsWhere): this only keeps the table from growing. Returns a stop function.
 */
export function startNewsPruning(options: { db: Db; clock?: Clock; everyMs?: number }): () => Promise<void> {
  const clock = options.clock ?? systemClock;
  let queue: Promise<void> = Promise.resolve();
  const prune = () => {
    queue = queue
      .then(() => pruneNews({ db: options.db, now: clock.now() }))
      .then(
        (count) => (count > 0 ? log.info("news pruned", { count }) : undefined),
        (error: unknown) => log.error("news pruning failed", { error: error instanceof Error ? error : String(error) }),
      );
    return queue;
  };
  void prune();
  const timer = setInterval(prune, Math.min(options.everyMs ?? HOUR, HOUR));
  timer.unref();
  return () => {
    clearInterval(timer);
    return queue;
  };
}
