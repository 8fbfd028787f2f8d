-- The staff inbox reads each child's newest contributions from an index range and merges them
-- (lib/contributions/inbox.ts). Filtered by status (and the unread count, status = 'sent') or by
-- kind, a child's range must already be in that order, or a rare kind would be looked for
-- through every contribution the child has.
CREATE INDEX "Contribution_childId_status_sentAt_id_idx" ON "Contribution"("childId", "status", "sentAt" DESC, "id" DESC);
CREATE INDEX "Contribution_childId_kind_sentAt_id_idx" ON "Contribution"("childId", "kind", "sentAt" DESC, "id" DESC);
