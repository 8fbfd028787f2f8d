// "What's new" for children, families and advocates (issue 16). Domains call tell(),
// tellEntryReaders() or tellFamilySide() inside the transaction that makes the change: the item
// and its email are written with it. visibleNewsWhere is the one rule for who sees an item.
export { NEWS_KINDS, NEWS_KIND_NAMES, isNewsKind, oldestKept, type NewsKind } from "./kinds.ts";
export {
  childAudience, familySide, tell, tellAdvocateEnded, tellAdvocateStarted, tellEntryReaders, tellFamilySide, tellImportedEntries, type Audience, type NewsInput,
} from "./tell.ts";
export { visibleNewsWhere } from "./visible.ts";
export { countUnseenNews, listNews, markAllNewsSeen, openNewsItem, pruneNews, NEWS_PAGE, UNSEEN_CAP, type NewsLine, type NewsPage } from "./queries.ts";
export { startNewsPruning } from "./prune.ts";
