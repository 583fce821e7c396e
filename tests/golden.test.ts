// Golden files per seed: what every per-article stage made of each seed, as offsets, kinds and values (no text,
// so nothing here names what the seeds say). A change in any extractor's output on a seed fails here with a
// readable diff; when the change is intended, rewrite them with `UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts`
// and review the diff. A seed without a golden file fails too.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emptyManifest, type QuotedArticle } from "../schemas/records.ts";
import { processSource } from "../pipeline/process.ts";
import { ROOT } from "../pipeline/run.ts";

const SEEDS = join(ROOT, "seeds");
const GOLDEN = join(ROOT, "tests", "golden");
const update = process.env.UPDATE_GOLDEN === "1";

function summary(a: QuotedArticle) {
  return {
    metadata: {
      title_chars: a.title?.length ?? null,
      subtitle_chars: a.subtitle?.length ?? null,
      outlet_source: a.outlet_source,
      authors: a.authors.length,
      dateline_place: a.dateline_place !== null,
      published_date: a.published_date,
      published_date_source: a.published_date_source,
      language: a.language,
      body_chars: a.body.length,
    },
    boilerplate: a.boilerplate.map((b) => `${b.start}-${b.end} ${b.kind}`),
    dates: a.dates.map((d) => `${d.start}-${d.end} ${d.type} ${d.value} ${d.date ?? "-"} ${d.precision ?? "-"} ${d.anchor}`),
    mentions: a.mentions.map((m) => `${m.start}-${m.end} ${m.type}`),
    quotes: a.quotes.map(
      (q) => `${q.fragments.map((f) => `${f.start}-${f.end}`).join("+")} ${q.kind} speaker=${q.speaker_start ?? "-"}-${q.speaker_end ?? "-"} mention=${q.speaker_mention ?? "-"} ${q.attribution}`,
    ),
  };
}

const files = (await readdir(SEEDS)).filter((f) => f.endsWith(".txt")).sort();

describe("golden files per seed", () => {
  it.each(files)("%s", async (file) => {
    const source = { source_path: file, id: null, bytes: await readFile(join(SEEDS, file)), text: null, body: null, manifest: emptyManifest() };
    const p = processSource(source, "quotes");
    expect(p.kind).toBe("partial");
    const got = summary((p as { record: QuotedArticle }).record);
    const path = join(GOLDEN, file.replace(/\.txt$/, ".json"));
    if (update) {
      await mkdir(GOLDEN, { recursive: true });
      await writeFile(path, `${JSON.stringify(got, null, 1)}\n`);
    }
    expect(existsSync(path), `${path} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts`).toBe(true);
    expect(got).toEqual(JSON.parse(await readFile(path, "utf8")));
  });
});
