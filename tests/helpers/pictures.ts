import sharp from "sharp";

// Pictures for the upload tests, made in code: a left half red and a right half blue, so a test
// can tell from the pixels which way up a copy came out.

/** Raw RGB pixels, red on the left half and blue on the right. */
export function redLeftBlueRight(width: number, height: number): Buffer {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw[(y * width + x) * 3 + (x < width / 2 ? 0 : 2)] = 255;
  }
  return raw;
}

/** The colour ("red", "blue" or "other") at a point of a picture, after decoding it. */
export async function colourAt(picture: Buffer, x: number, y: number): Promise<"red" | "blue" | "other"> {
  const { data, info } = await sharp(picture).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
  if (r > 180 && g < 80 && b < 80) return "red";
  if (b > 180 && r < 80 && g < 80) return "blue";
  return "other";
}

// What a phone writes into a photo, which a safe copy must not keep.
export const CAMERA = "FixtureCam";
const EXIF = {
  IFD0: { Make: CAMERA, Model: "Fixture Model 1" },
  IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" },
};
const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="51,30.0N"/></rdf:RDF></x:xmpmeta>`;

/** A 48×32 picture (red left, blue right) in `format`, with camera EXIF, GPS and XMP, and orientation. */
export async function photo(format: "jpeg" | "png" | "webp", orientation = 1, width = 48, height = 32): Promise<Buffer> {
  const picture = sharp(redLeftBlueRight(width, height), { raw: { width, height, channels: 3 } });
  const encoded = format === "jpeg" ? picture.jpeg({ quality: 95 }) : format === "png" ? picture.png() : picture.webp({ lossless: true });
  return encoded.withExif(EXIF).withXmp(XMP).withMetadata({ orientation }).toBuffer();
}
