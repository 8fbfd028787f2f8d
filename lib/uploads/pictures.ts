import os from "node:os";
import sharp, { type Sharp } from "sharp";
import { MAX_PIXELS } from "./limits.ts";
import { UploadRefused } from "./refusals.ts";
import { createTurns } from "./turns.ts";

// A picture is decoded and encoded again rather than stored as sent. sharp writes no metadata
// unless asked (no withMetadata/keepExif here), so EXIF with GPS position, camera make, model
// and serial, XMP, IPTC and the ICC profile are all gone; rotate() first turns the pixels by the
// EXIF orientation, so the copy stays the right way up once that tag is gone. Re-encoding also
// means whatever else the file carried (a script after the image data, a polyglot) is not kept.

export type PictureKind = "png" | "jpeg" | "webp";

// "error" refuses truncated and corrupt data; the stricter default, "warning", would also
// refuse the harmless oddities some phone cameras write, and children's photos with them.
const DECODE = { failOn: "error", limitInputPixels: MAX_PIXELS } as const;

// As many pictures at once as there are cores: more is no faster, and each holds its whole
// decoded picture (48 MB at 12 megapixels), so ten photos sent together would hold ten.
const pictureTurns = createTurns(Math.max(1, os.availableParallelism()));

export async function reencodePicture(bytes: Uint8Array, kind: PictureKind, field?: string): Promise<Buffer> {
  await refuseHugePictures(bytes, field);
  return pictureTurns(async () => {
    try {
      return await encoder(sharp(bytes, DECODE).rotate(), kind).toBuffer();
    } catch {
      throw new UploadRefused("upload.damaged", field);
    }
  });
}

/** Reads only the header, so a decompression bomb is refused before any pixel is decoded. */
async function refuseHugePictures(bytes: Uint8Array, field?: string): Promise<void> {
  let size: { width?: number; height?: number };
  try {
    size = await sharp(bytes, { ...DECODE, limitInputPixels: false }).metadata();
  } catch {
    throw new UploadRefused("upload.damaged", field);
  }
  if (!size.width || !size.height) throw new UploadRefused("upload.damaged", field);
  if (size.width * size.height > MAX_PIXELS) throw new UploadRefused("upload.tooManyPixels", field);
}

/** The same format out as in: a PNG drawing stays sharp-edged, a WebP stays small. */
function encoder(picture: Sharp, kind: PictureKind): Sharp {
  if (kind === "png") return picture.png();
  if (kind === "webp") return picture.webp({ quality: 90 });
  return picture.jpeg({ quality: 90 });
}

/** RGBA pixels (from the HEIC decoder) as a JPEG; transparency, if any, over white. */
export async function jpegFromRgba(pixels: { width: number; height: number; data: Uint8ClampedArray }): Promise<Buffer> {
  const raw = Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength);
  return sharp(raw, { raw: { width: pixels.width, height: pixels.height, channels: 4 }, limitInputPixels: MAX_PIXELS })
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: 90 })
    .toBuffer();
}
