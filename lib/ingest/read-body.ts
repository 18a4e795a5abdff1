import { InvalidError } from "@/lib/errors";

/**
 * The request body as text, refusing more than `maxBytes` before reading it (by
 * Content-Length) or while reading it (a chunked body is cut off as soon as it is too big).
 */
export async function readBodyCapped(req: Request, maxBytes: number): Promise<string> {
  return (await readBodyBytesCapped(req, maxBytes)).toString("utf8");
}

export async function readBodyBytesCapped(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) throw InvalidError.field("body", `Body is larger than ${maxBytes} bytes`);
  if (!req.body) return Buffer.alloc(0);
  // A declared length within the bound: read it in one go (the common case, and much cheaper).
  if (req.headers.has("content-length") && Number.isFinite(declared)) {
    const whole = Buffer.from(await req.arrayBuffer());
    if (whole.byteLength > maxBytes) throw InvalidError.field("body", `Body is larger than ${maxBytes} bytes`);
    return whole;
  }
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw InvalidError.field("body", `Body is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
