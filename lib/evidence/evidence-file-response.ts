/** The verified file as a download: the recorded SHA-256 travels in a header so the receiver can check it again. */
export function evidenceFileResponse(file: { name: string; contentType: string; sha256: string; bytes: Uint8Array }): Response {
  const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(Buffer.from(file.bytes), {
    status: 200,
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.bytes.byteLength),
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "x-content-sha256": file.sha256,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
