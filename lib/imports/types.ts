// The import file as the schema (case-record-import.schema.json) describes it, after validation.
// Kept by hand beside the schema; tests/unit/import-validate.test.ts checks the demo file against both.

export type Relationship =
  | "mother"
  | "father"
  | "carer"
  | "foster-carer"
  | "sibling"
  | "grandparent"
  | "advocate"
  | "other";

export type EntryType =
  | "visit"
  | "contact"
  | "decision"
  | "assessment"
  | "plan"
  | "review"
  | "case-summary"
  | "chronology"
  | "letter"
  | "report"
  | "note";

export type SectionNature = "fact" | "opinion" | "judgement" | "assessment" | "decision" | "hypothesis";
export type SectionSource = "first-hand" | "third-party";
export type RestrictionReason = "serious-harm" | "confidential" | "third-party" | "court";
export type MediaType = "application/pdf" | "image/png" | "image/jpeg" | "image/webp";

export type ImportActor = { name: string; role: string };

export type ImportSection = { text: string; nature: SectionNature; source: SectionSource; sourceName?: string };

export type ImportDecision = {
  madeBy: string;
  reasons: string;
  optionsConsidered?: string;
  childView?: string;
  familyView?: string;
};

export type ImportVisit = {
  venue: string;
  present: string[];
  purpose?: string;
  childSeen: boolean;
  childSeenAlone?: boolean;
  notAloneReason?: string;
  interpreterUsed?: boolean;
};

export type ImportRestriction = { reason: RestrictionReason; note?: string; decidedBy: string; reviewDue?: string };

export type ImportSharing = {
  withChild: boolean;
  withFamily: boolean;
  excludePeople?: string[];
  readWithWorker?: boolean;
  restriction?: ImportRestriction;
};

export type ImportTranslation = {
  locale: string;
  title: string;
  sections: string[];
  translatedBy: string;
  checkedBy?: string;
  translatedAt: string;
};

export type ImportAttachment = { externalId: string; fileName: string; mediaType: MediaType; contentBase64: string };

export type ImportEntry = {
  externalId: string;
  type: EntryType;
  title: string;
  occurredAt: string;
  recordedAt: string;
  author: ImportActor;
  originator?: ImportActor;
  sections: ImportSection[];
  decision?: ImportDecision;
  visit?: ImportVisit;
  status: "current" | "historical";
  supersedes?: string;
  sharing: ImportSharing;
  translations?: ImportTranslation[];
  belongsToChild?: boolean;
  originalLocation?: string;
  attachments?: ImportAttachment[];
};

export type ImportPerson = {
  externalId: string;
  fullName: string;
  relationship: Relationship;
  parentalResponsibility?: boolean;
  livesWithChild?: boolean;
  preferredLanguage?: string;
};

export type ImportChild = {
  externalId: string;
  fullName: string;
  preferredName?: string;
  dateOfBirth: string;
  identifier?: string;
  preferredLanguage?: string;
  communicationNeeds?: string;
  legalStatus?: string;
  ethnicity?: string;
  religion?: string;
  gender?: string;
  people?: ImportPerson[];
  entries: ImportEntry[];
};

export type ImportFile = {
  format: "case-record-import";
  version: 1;
  exportedAt: string;
  source: string;
  children: ImportChild[];
};

// A problem found in an import file: where (a JSON path such as children[3].entries[12].title)
// and what, in plain English. Never carries a field's value: values may be personal data.
export type ImportProblem = { path: string; message: string };

export type ImportCounts = { created: number; updated: number; unchanged: number };

export type ImportSummary = {
  importRunId: string;
  children: ImportCounts;
  people: ImportCounts;
  entries: ImportCounts;
};
