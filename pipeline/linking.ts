// The corpus-wide link stage as the runner drives it: the articles' link records kept compact while
// the article stages run, then linked, with entities staged and each staged mention and quote row
// completed with its linked fields. With worker threads the records and the linking live in a thread
// of their own, so the memory they took is handed back before publishing.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { EntityType } from "../schemas/records.ts";
import { appendFields, Lines } from "./jsonl.ts";
import { Column } from "./link/column.ts";
import { collectGarbage } from "./gc.ts";
import type { ArticleSource } from "./link/entities.ts";
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
    this.order ??= this.ids.map((_, i) => i).sort((a, b) => (this.ids[a]! < this.ids[b]! ? -1 : 1));
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
  add(a: LinkArticle): void;
  /** links the corpus; the staged row files in `staging` must be complete (their writers closed) */
  finish(staging: string): Promise<LinkSummary>;
  close(): Promise<void>;
}

/** Linking in the calling thread. */
export class InThreadLinker implements Linker {
  private records = new LinkRecords();
  add(a: LinkArticle): void {
    this.records.add(a);
  }
  async finish(staging: string): Promise<LinkSummary> {
    const s = await linkAndStage(this.records, staging);
    this.records = new LinkRecords();
    return s;
  }
  async close(): Promise<void> {}
}

export type LinkWorkerMessage = { add: LinkArticle[] } | { finish: string } | { texts: TextClusters } | { textsFailed: string };
export type LinkWorkerReply = ({ ok: true } & LinkSummary) | { ok: false; message: string; stack: string; issues: Issue[] | null };

/**
 * Linking in a worker thread of its own: ended after linking, which frees all it held. The quotes' words stay in
 * this thread, which clusters them (clusterQuoteTexts) while the worker links the mentions, then hands the
 * clusters over; the worker gets each quote without its text.
 */
export class WorkerLinker implements Linker {
  private readonly worker: Worker;
  private batch: LinkArticle[] = [];
  private quotes = new LinkRecords();
  private failure: Error | null = null;
  private pending: { resolve: (s: LinkSummary) => void; reject: (e: Error) => void } | null = null;
  constructor() {
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
  add(a: LinkArticle): void {
    this.quotes.add({ article_id: a.article_id, outlet: null, mentions: [], quotes: a.quotes });
    this.batch.push({ ...a, quotes: a.quotes.map((q) => ({ text: "", speaker_mention: q.speaker_mention })) });
    if (this.batch.length >= 256) {
      this.post({ add: this.batch });
      this.batch = [];
    }
  }
  finish(staging: string): Promise<LinkSummary> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      if (this.batch.length) this.post({ add: this.batch });
      this.batch = [];
      this.post({ finish: staging });
      // the same articles in the same (id) order as the worker's records
      let quotes: LinkRecords | null = this.quotes;
      this.quotes = new LinkRecords();
      try {
        collectGarbage(); // what the articles phase left, before clustering adds its own
        const texts = clusterQuoteTexts(quotes);
        this.worker.postMessage({ texts } satisfies LinkWorkerMessage, [texts.group.buffer as ArrayBuffer, texts.start.buffer as ArrayBuffer]);
      } catch (e) {
        this.post({ textsFailed: e instanceof Error ? e.message : String(e) });
      }
      // the quotes' records and clustering's garbage would otherwise stay in this thread's heap while the worker's grows
      quotes = null;
      collectGarbage();
    });
  }
  async close(): Promise<void> {
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
  }
}
