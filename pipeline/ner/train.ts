// `npm run train-ner`: trains the averaged perceptron on ../shared/train/ (read in place) and the npm
// gazetteers, and writes pipeline/ner/model.bin.gz. Deterministic: seeded shuffles, insertion-ordered maps,
// rows sorted by hash, fixed quantisation, gzip without a timestamp, so a rebuild is byte-identical.
//   npx tsx pipeline/ner/train.ts [--sets conll,gmb,wnut] [--epochs N] [--seed N] [--out FILE] [--train-dir DIR] [--no-gazetteer]
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gunzipSync, gzipSync } from "node:zlib";
import { buildGazetteer, gazIndex, type GazIndex } from "./gazetteer.ts";
import { bTag, ENTITY_TYPES, FEATURE_SET_VERSION, History, iTag, NDYN, NTAGS, prepare, TAGS, tagType, type NerType, type Prepared } from "./features.ts";
import { argmax, encodeModel, scoreToken, START, type ModelMeta, type TrainingFile, type Weights } from "./model.ts";

const here = dirname(fileURLToPath(import.meta.url));

/** The training sets: file and terms (from ../shared/train/README.md). */
export const SETS: Record<string, { file: string; terms: string; maskMisc?: boolean }> = {
  conll: {
    file: "ner-conll-train.jsonl.gz",
    terms: "CoNLL-2003 English train (Reuters 1996): annotations distributed freely, Reuters text for research use",
  },
  gmb: {
    file: "ner-gmb.jsonl.gz",
    terms: "Groningen Meaning Bank 2.2.0 extract (Voice of America, public domain text), ODbL: Bos et al. (2017); Kaggle extract by Abhinav Walia",
    // its MISC holds countries and cities (gpe), which CoNLL calls LOC: learn nothing from those tokens
    maskMisc: true,
  },
  wnut: { file: "ner-wnut17.jsonl.gz", terms: "WNUT-17 emerging entities, CC BY 4.0: Derczynski et al. (2017)", maskMisc: true },
};

interface Doc {
  p: Prepared;
  gold: Uint8Array;
}

/** Gold tag that teaches nothing: the tagger's guess is taken as right. */
export const UNKNOWN = 255;

/** Gold BIO tags for a prepared document: a token starting inside an entity takes its type. */
export function goldTags(p: Prepared, entities: readonly { start: number; end: number; type: string }[], maskMisc = false): Uint8Array {
  const tags = new Uint8Array(p.tokens.length);
  const ents = [...entities].sort((a, b) => a.start - b.start || b.end - a.end);
  let k = 0;
  let lastEnd = -1;
  for (const e of ents) {
    const ty = ENTITY_TYPES.indexOf(e.type as NerType);
    if (ty < 0 || e.start < lastEnd) continue;
    lastEnd = e.end;
    while (k < p.tokens.length && p.tokens[k]!.end <= e.start) k++;
    let first = true;
    for (let j = k; j < p.tokens.length && p.tokens[j]!.start < e.end; j++) {
      tags[j] = first ? bTag(ty) : iTag(ty);
      first = false;
    }
  }
  // a sentence break inside an entity starts it again
  for (const s of p.sents) {
    const t = tags[s.from]!;
    if (t > 0 && (t & 1) === 0) tags[s.from] = t - 1;
  }
  if (maskMisc) for (let i = 0; i < tags.length; i++) if (tagType(tags[i]!) === ENTITY_TYPES.indexOf("MISC")) tags[i] = UNKNOWN;
  return tags;
}

function readSet(dir: string, name: string, gaz: GazIndex): { docs: Doc[]; info: TrainingFile } {
  const set = SETS[name];
  if (!set) throw new Error(`unknown training set ${name} (known: ${Object.keys(SETS).join(", ")})`);
  const raw = readFileSync(join(dir, set.file));
  const docs: Doc[] = [];
  let tokens = 0;
  let entities = 0;
  for (const line of gunzipSync(raw).toString("utf8").split("\n")) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { text: string; entities: { start: number; end: number; type: string }[] };
    const p = prepare(d.text, gaz);
    docs.push({ p, gold: goldTags(p, d.entities, set.maskMisc) });
    tokens += p.tokens.length;
    entities += d.entities.length;
  }
  return {
    docs,
    info: { file: set.file, sha256: createHash("sha256").update(raw).digest("hex"), docs: docs.length, tokens, entities, terms: set.terms },
  };
}

/** Growable weights with lazy averaging (Daumé): average = w - u / c. */
class TrainWeights implements Weights {
  private readonly index = new Map<number, number>();
  readonly hashes: number[] = [];
  w = new Float64Array(1 << 20);
  u = new Float64Array(1 << 20);
  row(h: number): number {
    return this.index.get(h) ?? -1;
  }
  rowOrAdd(h: number): number {
    let r = this.index.get(h);
    if (r !== undefined) return r;
    r = this.hashes.length;
    this.index.set(h, r);
    this.hashes.push(h);
    if ((r + 1) * NTAGS > this.w.length) {
      const w = new Float64Array(this.w.length * 2);
      w.set(this.w);
      this.w = w;
      const u = new Float64Array(this.u.length * 2);
      u.set(this.u);
      this.u = u;
    }
    return r;
  }
  update(h: number, tag: number, d: number, c: number): void {
    const i = this.rowOrAdd(h) * NTAGS + tag;
    this.w[i]! += d;
    this.u[i]! += c * d;
  }
}

/** Seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainResult {
  hashes: Uint32Array;
  q: Int16Array;
  scale: number;
}

/** Averaged perceptron over greedy decoding with predicted tag history. */
export function train(docs: Doc[], epochs: number, seed: number, log: (s: string) => void = () => {}): TrainResult {
  const wt = new TrainWeights();
  const scores = new Float64Array(NTAGS);
  const dyn = new Uint32Array(NDYN);
  const order = docs.map((_, i) => i);
  const rand = rng(seed);
  let c = 1;
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let total = 0;
    for (const di of order) {
      const { p, gold } = docs[di]!;
      const hist = new History();
      for (const s of p.sents) {
        let prev: number = START;
        let prev2: number = START;
        for (let i = s.from; i < s.to; i++) {
          const nd = scoreToken(wt, p, i, prev, prev2, hist.feature(p, i), scores, dyn);
          const guess = argmax(scores, prev, false);
          hist.add(p, i, guess);
          const g = gold[i]!;
          if (guess !== g && g !== UNKNOWN) {
            errors++;
            for (let k = p.offs[i]!, e = p.offs[i + 1]!; k < e; k++) {
              wt.update(p.feats[k]!, g, 1, c);
              wt.update(p.feats[k]!, guess, -1, c);
            }
            for (let k = 0; k < nd; k++) {
              wt.update(dyn[k]!, g, 1, c);
              wt.update(dyn[k]!, guess, -1, c);
            }
          }
          c++;
          total++;
          prev2 = prev;
          prev = guess;
        }
      }
    }
    log(`epoch ${ep + 1}/${epochs}: ${errors} errors in ${total} tokens (${((100 * errors) / total).toFixed(2)}%), ${wt.hashes.length} features`);
  }
  // average, quantise to i16 and drop rows that quantise to zero
  const n = wt.hashes.length;
  const avg = new Float64Array(n * NTAGS);
  let max = 0;
  for (let i = 0; i < n * NTAGS; i++) {
    const a = wt.w[i]! - wt.u[i]! / c;
    avg[i] = a;
    if (Math.abs(a) > max) max = Math.abs(a);
  }
  const scale = max > 0 ? Math.floor(32000 / max) || 1 : 1;
  const rows = [...wt.hashes.keys()].sort((a, b) => wt.hashes[a]! - wt.hashes[b]!);
  const keepH: number[] = [];
  const keepQ: number[] = [];
  for (const r of rows) {
    let any = false;
    const q = new Array<number>(NTAGS);
    for (let t = 0; t < NTAGS; t++) {
      const v = Math.round(avg[r * NTAGS + t]! * scale);
      q[t] = v;
      if (v !== 0) any = true;
    }
    if (!any) continue;
    keepH.push(wt.hashes[r]!);
    for (const v of q) keepQ.push(v);
  }
  return { hashes: Uint32Array.from(keepH), q: Int16Array.from(keepQ), scale };
}

async function main() {
  const { values: v } = parseArgs({
    options: {
      sets: { type: "string", default: "conll" },
      epochs: { type: "string", default: "16" },
      seed: { type: "string", default: "1" },
      out: { type: "string", default: join(here, "model.bin.gz") },
      "train-dir": { type: "string", default: join(here, "..", "..", "..", "shared", "train") },
      // ablation: train and tag with empty name lists
      "no-gazetteer": { type: "boolean", default: false },
    },
  });
  const t0 = performance.now();
  const gazData = buildGazetteer();
  if (v["no-gazetteer"]) {
    for (const k of Object.keys(gazData.lists) as (keyof typeof gazData.lists)[]) gazData.lists[k] = [];
    gazData.sources = [];
  }
  const gaz = gazIndex(gazData);
  const names = v.sets.split(",").filter(Boolean);
  const docs: Doc[] = [];
  const files: TrainingFile[] = [];
  for (const name of names) {
    const { docs: d, info } = readSet(v["train-dir"], name, gaz);
    docs.push(...d);
    files.push(info);
    console.error(`${info.file}: ${info.docs} docs, ${info.tokens} tokens, ${info.entities} entities`);
  }
  const epochs = Number(v.epochs);
  const seed = Number(v.seed);
  const res = train(docs, epochs, seed, (s) => console.error(s));
  const meta: ModelMeta = {
    format: "ner-perceptron/1",
    featureSetVersion: FEATURE_SET_VERSION,
    tags: [...TAGS],
    training: { files, epochs, seed, algorithm: "averaged perceptron, greedy left-to-right, predicted tag history" },
    gazetteer: gazData.sources,
    rows: res.hashes.length,
    scale: res.scale,
  };
  const file = gzipSync(encodeModel(meta, gazData, res.hashes, res.q), { level: 9 });
  writeFileSync(v.out, file);
  console.error(`wrote ${basename(v.out)}: ${res.hashes.length} rows, ${(file.length / 1e6).toFixed(2)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
