import "server-only";

// "Download my record": the copy (lib/records/copy.ts) as a PDF, made on the server with PDFKit,
// in the reader's language and direction. The download route's loader is ./loader.ts.
export { renderRecordPdf, type Translate } from "./render.ts";
