import decodeHeic from "heic-decode";
import { MAX_PIXELS } from "./limits.ts";
import { jpegFromRgba } from "./pictures.ts";
import { UploadRefused } from "./refusals.ts";
import { createTurns } from "./turns.ts";

// iPhone photos arrive as HEIC (HEVC-coded HEIF). sharp's prebuilt libvips has no HEVC decoder,
// so heic-decode (libheif compiled to WebAssembly) decodes the pixels and sharp writes the JPEG.
// libheif applies the file's own rotation and mirroring (its irot/imir boxes) while decoding;
// the EXIF orientation inside a HEIC is not applied on top, because for HEIF the boxes are the
// orientation and iPhones write the same turn in both (applying both would turn it twice).
// The EXIF itself (GPS, camera) is never read out, so the JPEG carries none of it.

export function heicToJpeg(bytes: Uint8Array, field?: string): Promise<Buffer> {
  return oneAtATime(async () => jpegFromRgba(await decodeFirstImage(bytes, field)));
}

// One HEIC at a time per process: libheif decodes on the main thread, so running several at
// once is no faster, and each holds its whole picture as RGBA (48 MB at 12 megapixels) until
// sharp has encoded it. Queued, ten photos sent together hold one such copy, not ten.
const oneAtATime = createTurns(1);

async function decodeFirstImage(bytes: Uint8Array, field?: string) {
  let images: Awaited<ReturnType<typeof decodeHeic.all>>;
  try {
    images = await decodeHeic.all({ buffer: bytes });
  } catch {
    throw new UploadRefused("upload.damaged", field);
  }
  try {
    const image = images[0];
    if (!image) throw new UploadRefused("upload.damaged", field);
    // The size is in the header: refuse a decompression bomb before decoding its pixels.
    if (image.width * image.height > MAX_PIXELS) throw new UploadRefused("upload.tooManyPixels", field);
    return await image.decode().catch(() => {
      throw new UploadRefused("upload.damaged", field);
    });
  } finally {
    images.dispose(); // libheif's memory is not garbage-collected
  }
}
