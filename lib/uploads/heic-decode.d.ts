// heic-decode ships no types; this is the part lib/uploads/heic.ts uses (its README's API).
declare module "heic-decode" {
  type Pixels = { width: number; height: number; data: Uint8ClampedArray };
  type Image = { width: number; height: number; decode(): Promise<Pixels> };
  type Images = Image[] & { dispose(): void };
  function decode(input: { buffer: Uint8Array }): Promise<Pixels>;
  namespace decode {
    function all(input: { buffer: Uint8Array }): Promise<Images>;
  }
  export default decode;
}
