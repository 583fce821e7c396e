// The corpus-wide link stage as the runner drives it: the articles' link records kept compact while
// the article stages run, then linked, with entities staged and each staged mention and quote row
// completed with its linked fields. With worker threads the records and the linking live in a thread
// of their own, so the memory they took is handed back before publishing.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { EntityType } from "../schemas/records.ts";
import { appendFields, Lines } from "./jsonl.ts";
import type { ArticleSource } from "./link/entities.ts";
import { linkSource, type LinkArticle } from "./stages/06-link.ts";
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
 * text and quote text stored once, a mention as a text number and a type number, a quote as a text
 * number and a speaker number, read back one article at a time in article-id order.
 */
export class LinkRecords implements ArticleSource<LinkArticle> {
  private readonly mentionTexts = new Interner();
  private readonly quoteTexts = new Interner();
  private readonly rows: {
    article_id: string;
    outlet: string | null;
    text: Uint32Array;
    type: Uint8Array;
    quote: Uint32Array;
    /** mention index of each quote's speaker, -1 for none */
    speaker: Int32Array;
    acronyms: LinkArticle["acronyms"];
  }[] = [];
  private order: number[] | null = null;
  get length(): number {
    return this.rows.length;
  }
  add(a: LinkArticle): void {
    this.rows.push({
      article_id: a.article_id,
      outlet: a.outlet,
      text: Uint32Array.from(a.mentions, (m) => this.mentionTexts.id(m.text)),
      type: Uint8Array.from(a.mentions, (m) => ENTITY_TYPES.indexOf(m.type)),
      quote: Uint32Array.from(a.quotes, (q) => this.quoteTexts.id(q.text)),
      speaker: Int32Array.from(a.quotes, (q) => q.speaker_mention ?? -1),
      acronyms: a.acronyms,
    });
    this.order = null;
  }
  /** distinct outlets named */
  outlets(): number {
    return new Set(this.rows.map((r) => r.outlet).filter((x) => x !== null)).size;
  }
  /** positions in article-id order (the link stage's order) of the articles in arrival order */
  sortedPositions(): Int32Array {
    const at = new Int32Array(this.rows.length);
    this.sorted().forEach((i, k) => (at[i] = k));
    return at;
  }
  private sorted(): number[] {
    this.order ??= this.rows.map((_, i) => i).sort((a, b) => (this.rows[a]!.article_id < this.rows[b]!.article_id ? -1 : 1));
    return this.order;
  }
  /** the i-th article in article-id order */
  at(i: number): LinkArticle {
    const r = this.rows[this.sorted()[i]!]!;
    const mt = this.mentionTexts.texts;
    const qt = this.quoteTexts.texts;
    return {
      article_id: r.article_id,
      outlet: r.outlet,
      mentions: Array.from(r.text, (t, k) => ({ text: mt[t]!, type: ENTITY_TYPES[r.type[k]!]! })),
      quotes: Array.from(r.quote, (t, k) => ({ text: qt[t]!, speaker_mention: r.speaker[k]! < 0 ? null : r.speaker[k]! })),
      ...(r.acronyms ? { acronyms: r.acronyms } : {}),
    };
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
export async function linkAndStage(records: LinkRecords, staging: string): Promise<LinkSummary> {
  // the link stage sees the articles in id order; rows were staged in arrival order
  const linked = linkSource(records);
  const at = records.sortedPositions();
  const issues = entityIssues(linked.entities);
  if (issues.length) throw new ValidationError(issues);
  const entities = new Lines(join(staging, "entities.jsonl"));
  for (const e of linked.entities) await entities.write(e);
  await entities.close();
  const j = JSON.stringify;
  await appendFields(join(staging, UNLINKED.mentions), join(staging, "mentions.jsonl"), (function* () {
    for (let i = 0; i < records.length; i++) for (const id of linked.mentionEntities[at[i]!]!) yield `,"entity_id":${j(id)}`;
  })());
  await appendFields(join(staging, UNLINKED.quotes), join(staging, "quotes.jsonl"), (function* () {
    for (let i = 0; i < records.length; i++)
      for (const l of linked.quoteLinks[at[i]!]!) yield `,"cluster_id":${j(l.cluster_id)},"speaker_entity_id":${j(l.speaker_entity_id)},"speaker_name":${j(l.speaker_name)}`;
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

export type LinkWorkerMessage = { add: LinkArticle[] } | { finish: string };
export type LinkWorkerReply = ({ ok: true } & LinkSummary) | { ok: false; message: string; stack: string; issues: Issue[] | null };

/** Linking in a worker thread of its own: ended after linking, which frees all it held. */
export class WorkerLinker implements Linker {
  private readonly worker: Worker;
  private batch: LinkArticle[] = [];
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
    this.batch.push(a);
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
    });
  }
  async close(): Promise<void> {
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
  }
}
