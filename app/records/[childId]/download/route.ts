import { Readable } from "node:stream";
import { loadCopy } from "@/lib/pdf/loader";

// "Download my record": a PDF of everything this viewer may see, made on the server. The file
// name says nothing about whose record it is; nothing is cached on the way.

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: { params: Promise<{ childId: string }> }) {
  const { childId } = await ctx.params;
  const copy = await loadCopy(childId);
  if (!copy.found) {
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  return new Response(Readable.toWeb(copy.pdf) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'attachment; filename="record.pdf"',
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
