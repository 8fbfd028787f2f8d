import "server-only";

// Translations of entries written in the portal (issue 10): a reader asks for one, or staff send
// an entry to the translators; one person writes it and another checks it before readers of that
// language see it. Who may, and on which entries: lib/access (mayTranslate, translatableEntryWhere).
export { askTranslator, findOpenTranslationRequests, hasRequestedTranslation, requestTranslation, type OpenTranslationRequest } from "./requests.ts";
export { checkTranslation, submitTranslation } from "./drafts.ts";
export { checkTranslationForm, sectionField, SECTION_FIELDS, submitTranslationForm, type CheckTranslationInput, type SubmitTranslationInput } from "./form.ts";
