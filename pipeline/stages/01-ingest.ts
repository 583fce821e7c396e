// Decodes one input, normalises its line ends, hashes it, and rejects what cannot be an article.
import { createHash } from "node:crypto";
import { IngestResult, SourceInput, type RejectRecord } from "../../schemas/records.ts";
import type { Stage } from "../stage.ts";

/** Inputs above this size are rejected as too large (bytes, or UTF-16 units for JSON Lines text). */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

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
    return { ok: false, reason: "not_utf8", detail: `invalid UTF-8 at byte ${at}; convert the file to UTF-8 (for example with iconv)` };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  const dec = (n: number) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dec(mid + 1)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
    if (s.bytes.length > MAX_INPUT_BYTES)
      return reject(s, sha, "too_large", `${s.bytes.length} bytes is over the ${MAX_INPUT_BYTES}-byte limit for one article; split it`);
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
