// Decodes one input, normalises its line ends, hashes it, and rejects what cannot be an article.
import { createHash } from "node:crypto";
import { IngestResult, SourceInput, type RejectRecord } from "../../schemas/records.ts";
import type { Stage } from "../stage.ts";

/**
 * Inputs above this size are rejected as too large (bytes, or UTF-16 units for JSON Lines text): far above any news
 * article, and within what a worker's heap (pipeline/pool.ts WORKER_HEAP_MB) holds while the stages run on one.
 */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;
export const tooLarge = (bytes: number) => `${bytes} bytes is over the ${MAX_INPUT_BYTES}-byte limit for one article; split it`;

export const sha256 = (data: Uint8Array | string): string => createHash("sha256").update(data).digest("hex");

/** CRLF and lone CR become LF. */
export const normaliseNewlines = (s: string): string => s.replace(/\r\n?/g, "\n");

/** An id is usable when it is non-empty, has no control characters and no outer whitespace. */
export function idProblem(id: string): string | null {
  if (id.length === 0) return "is empty";
  if (id.length > 200) return "is longer than 200 characters";
  if (/[\u0000-\u001f\u007f]/.test(id)) return "contains a control character";
  if (id.trim() !== id) return "has leading or trailing whitespace";
  return null;
}

/** `a/b/c.txt` → `a/b/c`. */
export const idFromPath = (path: string): string => path.replace(/\\/g, "/").replace(/\.txt$/i, "");

type Decoded = { ok: true; text: string } | { ok: false; reason: "binary" | "not_utf8"; detail: string };

/** Decodes bytes: UTF-8 (BOM dropped) or UTF-16 with a BOM; NUL bytes or many control characters mean binary. */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    try {
      return { ok: true, text: new TextDecoder(le ? "utf-16le" : "utf-16be", { fatal: true }).decode(bytes.subarray(2)) };
    } catch {
      return { ok: false, reason: "not_utf8", detail: "starts with a UTF-16 byte-order mark but is not valid UTF-16; save it as UTF-8" };
    }
  }
  const sample = bytes.subarray(0, 65536);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return { ok: false, reason: "binary", detail: "contains NUL bytes: this is a binary file, not text" };
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.05)
    return { ok: false, reason: "binary", detail: `${control} control bytes in the first ${sample.length}: this looks like a binary file` };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { ok: false, reason: "not_utf8", detail: `invalid UTF-8 in the sequence starting at byte ${at} (counting from 0); convert the file to UTF-8 (for example with iconv)` };
  }
}

/** 0-based offset of the first byte of the first ill-formed UTF-8 sequence (the Unicode standard's table 3-7). */
function firstInvalidUtf8(b: Uint8Array): number {
  const cont = (i: number, lo = 0x80, hi = 0xbf) => i < b.length && b[i]! >= lo && b[i]! <= hi;
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    let n: number;
    if (c < 0x80) n = 1;
    else if (c >= 0xc2 && c <= 0xdf && cont(i + 1)) n = 2;
    else if (c === 0xe0 && cont(i + 1, 0xa0) && cont(i + 2)) n = 3;
    else if (((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) && cont(i + 1) && cont(i + 2)) n = 3;
    else if (c === 0xed && cont(i + 1, 0x80, 0x9f) && cont(i + 2)) n = 3;
    else if (c === 0xf0 && cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3)) n = 4;
    else if (c >= 0xf1 && c <= 0xf3 && cont(i + 1) && cont(i + 2) && cont(i + 3)) n = 4;
    else if (c === 0xf4 && cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3)) n = 4;
    else return i;
    i += n;
  }
  return b.length;
}

const reject = (s: SourceInput, sha: string | null, reason: RejectRecord["reason"], detail: string): IngestResult => ({
  kind: "reject",
  reject: { source_path: s.source_path, source_sha256: sha, reason, detail },
});

export function ingestOne(s: SourceInput): IngestResult {
  const id = s.id ?? idFromPath(s.source_path);
  const problem = idProblem(id);
  let text: string;
  let sha: string;
  if (s.bytes !== null) {
    sha = sha256(s.bytes);
    if (s.bytes.length > MAX_INPUT_BYTES) return reject(s, sha, "too_large", tooLarge(s.bytes.length));
    const d = decode(s.bytes);
    if (!d.ok) return reject(s, sha, d.reason, d.detail);
    text = d.text;
  } else {
    const t = s.body ?? s.text;
    if (t === null) return reject(s, null, "empty", "the record has neither `text` nor `body`");
    sha = sha256(t);
    if (t.length > MAX_INPUT_BYTES) return reject(s, sha, "too_large", `${t.length} characters is over the limit for one article; split it`);
    text = t;
  }
  if (problem) return reject(s, sha, "bad_id", `the id ${JSON.stringify(id)} ${problem}`);
  if (text.trim() === "") return reject(s, sha, "empty", "the text is empty or only whitespace");
  // a given body is published exactly as given; other text loses its BOM and gets LF line ends
  const raw = s.body !== null ? text : normaliseNewlines(text.replace(/^\uFEFF/, ""));
  return {
    kind: "article",
    article: {
      article_id: id,
      source_path: s.source_path,
      source_sha256: sha,
      raw_text: raw,
      given_body: s.body !== null ? raw : null,
      manifest: s.manifest,
    },
  };
}

export const ingest: Stage<typeof SourceInput, typeof IngestResult> = {
  name: "ingest",
  version: 1,
  input: SourceInput,
  output: IngestResult,
  run: ingestOne,
};
