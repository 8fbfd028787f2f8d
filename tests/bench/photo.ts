// A phone photo for the upload benchmarks: 4032 × 3024 (a 12-megapixel phone camera) of gradients
// and grain, as a JPEG of about 5 MB with EXIF, GPS and orientation 6, so every step of making a
// safe copy (rotate, strip, re-encode) runs. Deterministic: every run sends the same bytes.
// The portal stores identical files once, so a benchmark that sends many asks for variants: the
// same picture with a different patch of colour in one corner, each a different file to store.
import sharp from "sharp";

export const WIDTH = 4032;
export const HEIGHT = 3024;

/** Smooth colour with grain, which JPEG compresses about as badly as a real photo. */
function photoPixels(): Buffer {
  const raw = Buffer.alloc(WIDTH * HEIGHT * 3);
  let seed = 42;
  const grain = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 96) - 48;
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const i = (y * WIDTH + x) * 3;
      raw[i] = clamp((x * 255) / WIDTH + grain());
      raw[i + 1] = clamp((y * 255) / HEIGHT + grain());
      raw[i + 2] = clamp(128 + 100 * Math.sin(x / 40) * Math.cos(y / 60) + grain());
    }
  }
  return raw;
}
const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

export async function makePhoto(): Promise<Buffer> {
  return encode(photoPixels());
}

/** `count` different photos of the same size (every one a file of its own). */
export async function makePhotos(count: number): Promise<Buffer[]> {
  const raw = photoPixels();
  const photos: Buffer[] = [];
  for (let v = 0; v < count; v++) {
    for (let y = 0; y < 32; y++) raw.fill(v % 256, y * WIDTH * 3, y * WIDTH * 3 + 32 * 3);
    raw[0] = Math.floor(v / 256) % 256;
    photos.push(await encode(raw));
  }
  return photos;
}

function encode(raw: Buffer): Promise<Buffer> {
  return sharp(raw, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 88 })
    .withExif({ IFD0: { Make: "BenchCam", Model: "Bench 1" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}
