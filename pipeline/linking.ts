// The corpus-wide link stage as the runner drives it: the articles' link records kept compact while
// the article stages run, then linked, with entities staged and each staged mention and quote row
// completed with its linked fields. With worker threads the records and the linking live in a thread
// of their own, so the memory they took is handed back before publishing.
import { closeSync, openSync, readSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { EntityType } from "../schemas/records.ts";
import { appendFields, Lines } from "./jsonl.ts";
import { Column } from "./link/column.ts";
import { collectGarbage } from "./gc.ts";
import type { ArticleSource } from "./link/entities.ts";
import { linkRecord, linkRecordBytes, quoteWordsBytes, type StagedArticle } from "./staged.ts";
import { clusterIdOf, clusterQuoteTexts, type TextClusters } from "./link/quotes.ts";
import { linkSource, linkSourceEntities, type CompactLinks, type LinkArticle } from "./stages/06-link.ts";
import { entityIssues, ValidationError, type Issue } from "./stages/07-validate.ts";

/** Mention and quote rows are staged without their corpus-wide fields, which linking appends. */
export const UNLINKED = { mentions: "mentions.unlinked.jsonl", quotes: "quotes.unlinked.jsonl" } as const;

const ENTITY_TYPES = EntityType.options;

/** Distinct strings, each stored once and named by a number. */
class Interner {
  readonly texts: string[] = [];
  private readonly ids = new Map<string, number>();
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.texts.length;
      this.ids.set(s, id);
      this.texts.push(s);
    }
    return id;
  }
}

/** Positions of `ids` (distinct) in id order: the order the link stage sees the articles in. */
const idOrder = (ids: readonly string[]): number[] => ids.map((_, i) => i).sort((a, b) => (ids[a]! < ids[b]! ? -1 : 1));

/**
 * What the link stage needs of each article, kept compact for the whole corpus: each distinct mention
 * text, quote text and outlet stored once; per mention a text number and a type number, per quote a
 * text number and a speaker number, all in corpus-wide columns; read back one article at a time in
 * article-id order.
 */
export class LinkRecords implements ArticleSource<LinkArticle> {
  private readonly mentionTexts = new Interner();
  private readonly quoteText = new Interner();
  private readonly outletNames = new Interner();
  private readonly ids: string[] = [];
  /** outlet number + 1, 0 for none */
  private readonly outlet = new Column(Int32Array);
  // where each article's mentions, quotes and acronym pairs start (one more entry than articles)
  private readonly mStart = new Column(Int32Array);
  private readonly qStart = new Column(Int32Array);
  private readonly aStart = new Column(Int32Array);
  private readonly mText = new Column(Int32Array);
  private readonly mType = new Column(Uint8Array);
  private readonly qText = new Column(Int32Array);
  /** mention index of each quote's speaker, -1 for none */
  private readonly qSpeaker = new Column(Int32Array);
  /** acronym pairs, two numbers each; an article without the field has none, one with an empty list has -1 */
  private readonly acr = new Column(Int32Array);
  private order: number[] | null = null;
  /** quoteTexts false: each quote's text is not kept (read back as ""), where the quotes' words are clustered elsewhere */
  constructor(private readonly quoteTexts = true) {
    this.mStart.push(0);
    this.qStart.push(0);
    this.aStart.push(0);
  }
  get length(): number {
    return this.ids.length;
  }
  add(a: LinkArticle): void {
    this.ids.push(a.article_id);
    this.outlet.push(a.outlet === null ? 0 : this.outletNames.id(a.outlet) + 1);
    for (const m of a.mentions) {
      this.mText.push(this.mentionTexts.id(m.text));
      this.mType.push(ENTITY_TYPES.indexOf(m.type));
    }
    for (const q of a.quotes) {
      if (this.quoteTexts) this.qText.push(this.quoteText.id(q.text));
      this.qSpeaker.push(q.speaker_mention ?? -1);
    }
    if (a.acronyms?.length === 0) this.acr.push(-1);
    for (const [l, sh] of a.acronyms ?? []) {
      this.acr.push(l);
      this.acr.push(sh);
    }
    this.ended();
  }
  private ended(): void {
    this.mStart.push(this.mText.length);
    this.qStart.push(this.qSpeaker.length);
    this.aStart.push(this.acr.length);
    this.order = null;
  }
  /** distinct outlets named */
  outlets(): number {
    return this.outletNames.texts.length;
  }
  /** positions in article-id order (the link stage's order) of the articles in arrival order */
  sortedPositions(): Int32Array {
    const at = new Int32Array(this.ids.length);
    this.sorted().forEach((i, k) => (at[i] = k));
    return at;
  }
  private sorted(): number[] {
    this.order ??= idOrder(this.ids);
    return this.order;
  }
  /** the i-th article in article-id order */
  at(i: number): LinkArticle {
    const r = this.sorted()[i]!;
    const mt = this.mentionTexts.texts;
    const qt = this.quoteText.texts;
    const out: LinkArticle = { article_id: this.ids[r]!, outlet: this.outlet.get(r) === 0 ? null : this.outletNames.texts[this.outlet.get(r) - 1]!, mentions: [], quotes: [] };
    for (let k = this.mStart.get(r); k < this.mStart.get(r + 1); k++) out.mentions.push({ text: mt[this.mText.get(k)]!, type: ENTITY_TYPES[this.mType.get(k)]! });
    for (let k = this.qStart.get(r); k < this.qStart.get(r + 1); k++) {
      const sp = this.qSpeaker.get(k);
      out.quotes.push({ text: this.quoteTexts ? qt[this.qText.get(k)]! : "", speaker_mention: sp < 0 ? null : sp });
    }
    const a0 = this.aStart.get(r);
    const a1 = this.aStart.get(r + 1);
    if (a1 > a0) {
      out.acronyms = [];
      for (let k = a0; k + 1 < a1; k += 2) out.acronyms.push([this.acr.get(k), this.acr.get(k + 1)]);
    }
    return out;
  }
}

export interface LinkSummary {
  entities: number;
  /** distinct outlets named by the articles */
  outlets: number;
  /** bytes of the longest entities line */
  maxBytes: number;
}

/** Links the corpus: stages entities.jsonl and completes the unlinked mention and quote rows in `staging`. */
export async function linkAndStage(records: LinkRecords, staging: string, texts?: Promise<TextClusters>): Promise<LinkSummary> {
  // the link stage sees the articles in id order; rows were staged in arrival order. With `texts`, the quotes'
  // words are clustered elsewhere while the mentions are linked here
  let linked: CompactLinks;
  if (texts) {
    texts.catch(() => {}); // awaited below, unless linking the mentions fails first
    const mentions = linkSourceEntities(records);
    linked = linkSource(records, await texts, mentions);
  } else linked = linkSource(records);
  collectGarbage(); // linking's own garbage, before the rows are streamed through
  const at = records.sortedPositions();
  const issues = entityIssues(linked.entities);
  if (issues.length) throw new ValidationError(issues);
  const entities = new Lines(join(staging, "entities.jsonl"));
  for (const e of linked.entities) await entities.write(e);
  await entities.close();
  // each entity's fields made once, not once per mention or quote
  const j = JSON.stringify;
  const entityField = linked.entities.map((e) => `,"entity_id":${j(e.entity_id)}`);
  const speakerField = linked.entities.map((e) => `,"speaker_entity_id":${j(e.entity_id)},"speaker_name":${j(e.name)}`);
  const noSpeaker = `,"speaker_entity_id":null,"speaker_name":null`;
  const { start: mStart, entityOf } = linked.mentions;
  const { start: qStart } = linked.quotes;
  appendFields(join(staging, UNLINKED.mentions), join(staging, "mentions.jsonl"), (function* () {
    for (let i = 0; i < records.length; i++) for (let k = mStart[at[i]!]!, e = mStart[at[i]! + 1]!; k < e; k++) yield entityField[entityOf[k]!]!;
  })());
  appendFields(join(staging, UNLINKED.quotes), join(staging, "quotes.jsonl"), (function* () {
    for (let i = 0; i < records.length; i++)
      for (let k = qStart[at[i]!]!, e = qStart[at[i]! + 1]!; k < e; k++) {
        const sp = linked.speakerOf[k]!;
        yield `,"cluster_id":${j(clusterIdOf(linked.quotes, k))}${sp < 0 ? noSpeaker : speakerField[sp]!}`;
      }
  })());
  await rm(join(staging, UNLINKED.mentions));
  await rm(join(staging, UNLINKED.quotes));
  return { entities: linked.entities.length, outlets: records.outlets(), maxBytes: entities.maxBytes };
}

/** Collects the articles' link records, then links them once the staged rows are written. */
export interface Linker {
  add(st: StagedArticle): Promise<void>;
  /** links the corpus; the staged row files in `staging` must be complete (their writers closed) */
  finish(staging: string): Promise<LinkSummary>;
  close(): Promise<void>;
}

/** Linking in the calling thread. */
export class InThreadLinker implements Linker {
  private records = new LinkRecords();
  async add(st: StagedArticle): Promise<void> {
    this.records.add(linkRecord(st));
  }
  async finish(staging: string): Promise<LinkSummary> {
    const s = await linkAndStage(this.records, staging);
    this.records = new LinkRecords();
    return s;
  }
  async close(): Promise<void> {}
}

/** `add`: link records (linkRecordBytes) one after another, record i ending at ends[i] */
export type LinkWorkerMessage = { add: Uint8Array; ends: number[] } | { finish: string } | { texts: TextClusters } | { textsFailed: string };
export type LinkWorkerReply = ({ ok: true } & LinkSummary) | { ok: false; message: string; stack: string; issues: Issue[] | null };

/**
 * The articles' quotes' words (quoteWordsBytes), kept in a file of the staging folder rather than in memory, read
 * back one article at a time in article-id order (the link worker's order) when they are clustered.
 */
export class QuoteWordsFile implements ArticleSource<{ quotes: { text: string }[] }> {
  private readonly out: Lines;
  private readonly ids: string[] = [];
  private readonly at0 = new Column(Float64Array);
  private readonly len = new Column(Int32Array);
  private bytes = 0;
  private order: number[] | null = null;
  private fd: number | null = null;
  private buf = Buffer.alloc(0);
  constructor(private readonly path: string) {
    this.out = new Lines(path);
  }
  get length(): number {
    return this.ids.length;
  }
  async add(article_id: string, words: Uint8Array): Promise<void> {
    this.ids.push(article_id);
    this.at0.push(this.bytes);
    this.len.push(words.length);
    this.bytes += words.length;
    await this.out.writeLines(words, 1, 0);
  }
  /** ends the writing; `at` reads from then on */
  async close(): Promise<void> {
    await this.out.close();
    this.order = idOrder(this.ids);
    this.fd = openSync(this.path, "r");
  }
  at(i: number): { quotes: { text: string }[] } {
    const r = this.order![i]!;
    const n = this.len.get(r);
    if (this.buf.length < n) this.buf = Buffer.allocUnsafe(Math.max(n, 2 * this.buf.length));
    if (readSync(this.fd!, this.buf, 0, n, this.at0.get(r)) !== n) throw new Error(`internal error: ${this.path} is shorter than its quotes' words`);
    return { quotes: (JSON.parse(this.buf.toString("utf8", 0, n)) as string[]).map((text) => ({ text })) };
  }
  /** closes the file and removes it */
  async dispose(): Promise<void> {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    await rm(this.path, { force: true });
  }
}

/**
 * Linking in a worker thread of its own: ended after linking, which frees all it held. The quotes' words stay with
 * this thread, in a staging file (QuoteWordsFile); it clusters them (clusterQuoteTexts) while the worker links the
 * mentions, then hands the clusters over; the worker gets each quote without its text. The link records go to the
 * worker as the bytes the article workers made, a batch at a time, without being decoded here.
 */
export class WorkerLinker implements Linker {
  private readonly worker: Worker;
  /** link records on their way to the worker, `used` bytes of them, record i ending at ends[i] */
  private batch = Buffer.allocUnsafeSlow(LINK_BATCH);
  private used = 0;
  private ends: number[] = [];
  private readonly quotes: QuoteWordsFile;
  private failure: Error | null = null;
  private pending: { resolve: (s: LinkSummary) => void; reject: (e: Error) => void } | null = null;
  /** `staging`: where the quotes' words are kept until they are clustered */
  constructor(staging: string) {
    this.quotes = new QuoteWordsFile(join(staging, "quote-words.jsonl"));
    this.worker = new Worker(new URL("./worker-boot.mjs", import.meta.url), { workerData: { entry: new URL("./link-worker.ts", import.meta.url).href } });
    this.worker.on("message", (m: LinkWorkerReply) => {
      const p = this.pending;
      this.pending = null;
      if (m.ok) p?.resolve({ entities: m.entities, outlets: m.outlets, maxBytes: m.maxBytes });
      else p?.reject(m.issues ? new ValidationError(m.issues) : Object.assign(new Error(m.message), { stack: m.stack }));
    });
    this.worker.on("error", (e) => this.fail(e));
    this.worker.on("exit", (code) => this.fail(new Error(`the link worker stopped (exit code ${code})`)));
  }
  private fail(e: Error): void {
    this.failure ??= e;
    this.pending?.reject(this.failure);
    this.pending = null;
  }
  private post(m: LinkWorkerMessage): void {
    this.worker.postMessage(m);
  }
  /** the article's quotes' words go to the staging file; its link record is passed on as the bytes the article's worker made */
  async add(st: StagedArticle): Promise<void> {
    const rec = linkRecordBytes(st);
    if (this.used + rec.length > this.batch.length) {
      this.send();
      if (rec.length > this.batch.length) this.batch = Buffer.allocUnsafeSlow(rec.length);
    }
    this.batch.set(rec, this.used);
    this.used += rec.length;
    this.ends.push(this.used);
    await this.quotes.add(st.article_id, quoteWordsBytes(st));
  }
  /** hands the batch over (no copy) */
  private send(): void {
    if (this.ends.length === 0) return;
    this.worker.postMessage({ add: this.batch.subarray(0, this.used), ends: this.ends } satisfies LinkWorkerMessage, [this.batch.buffer as ArrayBuffer]);
    this.batch = Buffer.allocUnsafeSlow(LINK_BATCH);
    this.used = 0;
    this.ends = [];
  }
  async finish(staging: string): Promise<LinkSummary> {
    if (this.failure) throw this.failure;
    await this.quotes.close();
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.send();
      this.post({ finish: staging });
      try {
        collectGarbage(); // what the articles phase left, before clustering adds its own
        // the same articles in the same (id) order as the worker's records
        const texts = clusterQuoteTexts(this.quotes);
        this.worker.postMessage({ texts } satisfies LinkWorkerMessage, [texts.group.buffer as ArrayBuffer, texts.start.buffer as ArrayBuffer]);
      } catch (e) {
        this.post({ textsFailed: e instanceof Error ? e.message : String(e) });
      }
      // clustering's garbage would otherwise stay in this thread's heap while the worker's grows
      collectGarbage();
    });
  }
  async close(): Promise<void> {
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
    await this.quotes.dispose();
  }
}

/** Bytes of link records sent to the link worker at a time. */
const LINK_BATCH = 1 << 18;
