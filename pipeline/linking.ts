// The corpus-wide link stage as the runner drives it: the articles' link records and quotes' texts kept in
// staging files while the article stages run, then linked, with entities staged and each staged mention and
// quote row completed with its linked fields. With worker threads the linking runs in a thread of its own,
// started for it and ended after it, so the memory it took is handed back before publishing.
import { closeSync, openSync, readSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { appendFields, Lines, reorderLines } from "./jsonl.ts";
import { Column, IntFile, type IntLog } from "./link/column.ts";
import { collectGarbage, isReleased, releaseAndTerminate, THREAD_YOUNG_MB } from "./gc.ts";
import type { ArticleSource } from "./link/entities.ts";
import { linkRecordBytes, quoteTextsBytes, type StagedArticle } from "./staged.ts";
import { clusterIdOf, clusterQuoteTexts, type TextClusters } from "./link/quotes.ts";
import { linkSource, linkSourceEntities, type CompactLinks, type LinkArticle } from "./stages/06-link.ts";
import { entityIssues, ValidationError, type Issue } from "./stages/07-validate.ts";

/** Mention and quote rows are staged without their corpus-wide fields, which linking appends. */
export const UNLINKED = { mentions: "mentions.unlinked.jsonl", quotes: "quotes.unlinked.jsonl" } as const;

/** What linkAndStage reads: the articles' link records in article-id order, and where each arrived. */
export interface LinkSource extends ArticleSource<LinkArticle> {
  /** positions in article-id order (the link stage's order) of the articles in arrival order */
  sortedPositions(): Int32Array;
  /** distinct outlets named */
  outlets(): number;
}

export interface LinkSummary {
  entities: number;
  /** distinct outlets named by the articles */
  outlets: number;
  /** bytes of the longest entities line */
  maxBytes: number;
}

/** What completing the staged mention rows takes: each mention's entity (an index into entityIds), by article. */
export interface MentionFields {
  /** each entity's id */
  entityIds: string[];
  /**
   * the file of each mention's entity (IntFile, flushed) and its length, in the link stage's (id) order: article k's
   * mentions' entities are values start[k] .. start[k + 1] - 1
   */
  entityOf: { path: string; length: number };
  start: Int32Array;
  /** each staged article's (arrival order) position in id order */
  at: Int32Array;
}

/** Values read at a time, where the mention rows are completed: about an article's mentions (70 on average in the corpus). */
const ARTICLE_WINDOW = 1 << 10;

/**
 * Completes each staged mention row (UNLINKED.mentions, in arrival order) with its entity id, as mentions.jsonl,
 * reading each article's mentions' entities from linking's file of them (`m.entityOf`), which it then removes.
 */
export async function stageMentionLinks(staging: string, m: MentionFields): Promise<void> {
  const field = m.entityIds.map((id) => `,"entity_id":${JSON.stringify(id)}`);
  const { start, at } = m;
  const entityOf = IntFile.open(m.entityOf.path, m.entityOf.length, ARTICLE_WINDOW);
  try {
    appendFields(join(staging, UNLINKED.mentions), join(staging, "mentions.jsonl"), (function* () {
      for (let i = 0; i < at.length; i++) for (let k = start[at[i]!]!, e = start[at[i]! + 1]!; k < e; k++) yield field[entityOf.get(k)]!;
    })());
  } finally {
    entityOf.dispose();
  }
  await rm(join(staging, UNLINKED.mentions));
}

/**
 * Links the corpus: stages entities.jsonl and completes the unlinked mention and quote rows in `staging`. The mention
 * rows are completed by `stageMentions` (by default stageMentionLinks, here) as soon as the mentions are linked; it
 * reads the arrays it is given before it returns and leaves them as they are (linking the quotes goes on with them),
 * and opens the file of each mention's entity before it returns (this thread closes its own once done). The link
 * worker copies the arrays to the runner's thread, which completes the rows while the quotes are linked here.
 */
export async function linkAndStage(
  records: LinkSource,
  staging: string,
  texts: Promise<TextClusters>,
  stageMentions: (m: MentionFields) => Promise<void> = (m) => stageMentionLinks(staging, m),
): Promise<LinkSummary> {
  // the link stage sees the articles in id order; rows were staged in arrival order. The quotes' texts are
  // clustered elsewhere (the records' quotes have no text), maybe while the mentions are linked here
  texts.catch(() => {}); // awaited below, unless linking the mentions fails first
  // the lists of one value per mention are files in the staging folder (closed here; the one of each mention's
  // entity is left for stageMentions, which removes it once read; the work folder goes in any case)
  const lists: IntFile[] = [];
  const spooled = (name: string): IntLog => {
    const f = new IntFile(join(staging, `link-${name}.i32`));
    lists.push(f);
    return f;
  };
  try {
    return await linkAndStageWith(records, staging, texts, stageMentions, spooled);
  } finally {
    for (const f of lists) f.close();
  }
}

async function linkAndStageWith(
  records: LinkSource,
  staging: string,
  texts: Promise<TextClusters>,
  stageMentions: (m: MentionFields) => Promise<void>,
  lists: (name: string) => IntLog,
): Promise<LinkSummary> {
  const mentions = linkSourceEntities(records, lists);
  const at = records.sortedPositions();
  const entityOf = mentions.entityOf as IntFile;
  entityOf.flush();
  const mentionsStaged = stageMentions({ entityIds: mentions.entities.map((e) => e.entity_id), entityOf: { path: entityOf.path, length: entityOf.length }, start: mentions.start, at });
  mentionsStaged.catch(() => {}); // awaited below, unless linking the quotes fails first
  // what linking the mentions left (its per-name aggregates, most of this thread's heap) is garbage now: collected
  // before the quotes are linked on top of it, while the mention rows are completed
  collectGarbage();
  const linked: CompactLinks = linkSource(records, await texts, mentions);
  collectGarbage(); // linking's own garbage, before the rows are streamed through
  const issues = entityIssues(linked.entities);
  if (issues.length) throw new ValidationError(issues);
  const entities = new Lines(join(staging, "entities.jsonl"));
  for (const e of linked.entities) await entities.write(e);
  await entities.close();
  // each entity's fields made once, not once per quote
  const j = JSON.stringify;
  const speakerField = linked.entities.map((e) => `,"speaker_entity_id":${j(e.entity_id)},"speaker_name":${j(e.name)}`);
  const noSpeaker = `,"speaker_entity_id":null,"speaker_name":null`;
  const { start: qStart } = linked.quotes;
  appendFields(join(staging, UNLINKED.quotes), join(staging, "quotes.jsonl"), (function* () {
    for (let i = 0; i < records.length; i++)
      for (let k = qStart[at[i]!]!, e = qStart[at[i]! + 1]!; k < e; k++) {
        const sp = linked.speakerOf[k]!;
        yield `,"cluster_id":${j(clusterIdOf(linked.quotes, k))}${sp < 0 ? noSpeaker : speakerField[sp]!}`;
      }
  })());
  await rm(join(staging, UNLINKED.quotes));
  await mentionsStaged;
  return { entities: linked.entities.length, outlets: records.outlets(), maxBytes: entities.maxBytes };
}

/** Collects the articles' link records, then links them once the staged rows are written. */
export interface Linker {
  add(st: StagedArticle): Promise<void>;
  /**
   * links the corpus; the staged row files in `staging` must be complete (their writers closed). `order`: the
   * positions of the articles added, in the order added, sorted by article id (the order the link stage sees them
   * in; the runner's, the ids' UTF-8 bytes, as the staged articles are sorted), taken over
   */
  finish(staging: string, order: Int32Array): Promise<LinkSummary>;
  close(): Promise<void>;
}

/**
 * Each article's link record and its quotes' texts in two staging files (RecordFile) while the articles are
 * processed, the bytes the article's worker made, not decoded here; `close` gives what linking reads them by.
 */
class LinkFiles {
  private readonly records: RecordFile;
  private readonly texts: RecordFile;
  constructor(staging: string) {
    this.records = new RecordFile(join(staging, "link-records.jsonl"));
    this.texts = new RecordFile(join(staging, "quote-texts.jsonl"));
  }
  async add(st: StagedArticle): Promise<void> {
    await this.records.add(linkRecordBytes(st));
    await this.texts.add(quoteTextsBytes(st));
  }
  /** ends the writing: what the link records and the quotes' texts are read by, in the same order (Linker.finish's) */
  async close(order: Int32Array): Promise<{ records: RecordsIndex; texts: RecordsIndex }> {
    if (order.length !== this.records.length) throw new Error(`internal error: an order of ${order.length} for ${this.records.length} articles to link`);
    // each index has an order of its own: the link records' may be handed to another thread
    return {
      records: { path: this.records.path, len: await this.records.close(), order },
      texts: { path: this.texts.path, len: await this.texts.close(), order: order.slice() },
    };
  }
  async dispose(): Promise<void> {
    await rm(this.texts.path, { force: true });
    await rm(this.records.path, { force: true });
  }
}

/** Linking in the calling thread, from the same staging files as WorkerLinker's: the quotes' texts clustered, then the mentions linked. */
export class InThreadLinker implements Linker {
  private readonly files: LinkFiles;
  constructor(staging: string) {
    this.files = new LinkFiles(staging);
  }
  async add(st: StagedArticle): Promise<void> {
    await this.files.add(st);
  }
  async finish(staging: string, order: Int32Array): Promise<LinkSummary> {
    const ix = await this.files.close(order);
    const quoteTexts = new QuoteTextsFile(new OrderedRecords(ix.texts));
    let texts: TextClusters;
    try {
      texts = clusterQuoteTexts(quoteTexts);
    } finally {
      await quoteTexts.dispose();
    }
    const records = new LinkRecordsFile(ix.records);
    try {
      return await linkAndStage(records, staging, Promise.resolve(texts));
    } finally {
      await records.dispose();
    }
  }
  async close(): Promise<void> {
    await this.files.dispose();
  }
}

/** `finish`: link the records in `records`, staging the rows in the folder named */
export type LinkWorkerMessage = { finish: string; records: RecordsIndex } | { texts: TextClusters } | { textsFailed: string };
export type LinkWorkerReply = ({ ok: true } & LinkSummary) | { ok: false; message: string; stack: string; issues: Issue[] | null } | { mentions: MentionFields };

/**
 * Byte records (one per article) kept in a file of the staging folder rather than in memory: only each record's
 * length stays here, 4 bytes an article. Written in arrival order; `close` gives the lengths.
 */
export class RecordFile {
  private readonly out: Lines;
  private readonly len = new Column(Int32Array);
  constructor(readonly path: string) {
    this.out = new Lines(path);
  }
  get length(): number {
    return this.len.length;
  }
  async add(record: Uint8Array): Promise<void> {
    this.len.push(record.length);
    await this.out.writeLines(record, 1, 0);
  }
  /** ends the writing: each record's length, by arrival position */
  async close(): Promise<Int32Array> {
    await this.out.close();
    return this.len.trimmed();
  }
}

/** What OrderedRecords reads: a RecordFile, its records' lengths (arrival order), and the order to read them in. */
export interface RecordsIndex {
  path: string;
  len: Int32Array;
  /** arrival positions in article-id order */
  order: Int32Array;
}

/**
 * The records of a RecordFile in article-id order. They are put in that order in their file first (reorderLines);
 * linking reads every article in id order, once per pass, so the file is then read from start to end a chunk at a
 * time (a record out of turn is read on its own).
 */
export class OrderedRecords {
  private readonly path: string;
  readonly order: Int32Array;
  /** where the i-th record in id order starts in the file, with one more entry for the end */
  private readonly at0: Float64Array;
  private fd: number | null = null;
  private buf: Buffer;
  /** the file's bytes from `bufAt` are in buf[0, bufLen) */
  private bufAt = 0;
  private bufLen = 0;
  /** `chunk`: bytes read at a time */
  constructor(ix: RecordsIndex, chunk = RECORD_CHUNK) {
    const n = ix.order.length;
    if (ix.len.length !== n) throw new Error(`internal error: ${ix.len.length} records in ${ix.path}, an order of ${n}`);
    reorderLines(ix.path, ix.order, { get: (r) => ix.len[r]!, length: n });
    this.path = ix.path;
    this.order = ix.order;
    this.at0 = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) this.at0[i + 1] = this.at0[i]! + ix.len[ix.order[i]!]!;
    this.buf = Buffer.allocUnsafe(chunk);
  }
  get length(): number {
    return this.order.length;
  }
  /** the i-th record in id order, as text */
  read(i: number): string {
    const from = this.at0[i]!;
    const to = this.at0[i + 1]!;
    if (from < this.bufAt || to > this.bufAt + this.bufLen) {
      this.fd ??= openSync(this.path, "r");
      if (this.buf.length < to - from) this.buf = Buffer.allocUnsafe(to - from);
      this.bufAt = from;
      this.bufLen = readSync(this.fd, this.buf, 0, this.buf.length, from);
      if (this.bufLen < to - from) throw new Error(`internal error: ${this.path} is shorter than its records`);
    }
    return this.buf.toString("utf8", from - this.bufAt, to - this.bufAt);
  }
  /** closes the file and removes it */
  async dispose(): Promise<void> {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    await rm(this.path, { force: true });
  }
}

/** Bytes of records read at a time. */
const RECORD_CHUNK = 1 << 20;

/** The quotes' texts of each article (quoteTextsBytes), in article-id order. */
export class QuoteTextsFile implements ArticleSource<{ quotes: { text: string }[] }> {
  constructor(private readonly file: OrderedRecords) {}
  get length(): number {
    return this.file.length;
  }
  at(i: number): { quotes: { text: string }[] } {
    return { quotes: (JSON.parse(this.file.read(i)) as string[]).map((text) => ({ text })) };
  }
  async dispose(): Promise<void> {
    await this.file.dispose();
  }
}

/**
 * The link records (linkRecordBytes) of each article, in article-id order, each parsed when linking asks for it
 * (it reads every article three times): what linking holds of the corpus's articles is their order and lengths,
 * not their mentions and quotes.
 */
export class LinkRecordsFile implements LinkSource {
  private readonly file: OrderedRecords;
  private readonly outletNames = new Set<string>();
  /** articles whose outlet is in outletNames */
  private readonly counted: Uint8Array;
  private nCounted = 0;
  constructor(ix: RecordsIndex, chunk?: number) {
    this.file = new OrderedRecords(ix, chunk);
    this.counted = new Uint8Array(ix.order.length);
  }
  get length(): number {
    return this.file.length;
  }
  at(i: number): LinkArticle {
    const a = JSON.parse(this.file.read(i)) as LinkArticle;
    if (!this.counted[i]) {
      this.counted[i] = 1;
      this.nCounted++;
      if (a.outlet !== null) this.outletNames.add(a.outlet);
    }
    return a;
  }
  sortedPositions(): Int32Array {
    const at = new Int32Array(this.file.length);
    this.file.order.forEach((r, k) => (at[r] = k));
    return at;
  }
  outlets(): number {
    // linking reads every article; any not read yet is read here
    for (let i = 0; this.nCounted < this.file.length; i++) if (!this.counted[i]) this.at(i);
    return this.outletNames.size;
  }
  async dispose(): Promise<void> {
    await this.file.dispose();
  }
}

/**
 * Linking in a worker thread of its own, started with the build (it waits until the articles are processed) and ended
 * after linking, which frees all it held. While the articles are processed, each one's link record and its quotes'
 * texts go to staging files (RecordFile) as the bytes the article's worker made, without being decoded here. Then this thread clusters the
 * quotes' texts (clusterQuoteTexts) while the worker links the mentions, reading each article's link record from its
 * file (LinkRecordsFile), and hands the clusters over; the worker gets each quote without its text. Once the mentions
 * are linked the worker hands them back, and this thread completes the staged mention rows while it links the quotes.
 */
export class WorkerLinker implements Linker {
  private readonly worker: Worker;
  private readonly files: LinkFiles;
  private pending: { resolve: (s: LinkSummary) => void; reject: (e: Error) => void } | null = null;
  /** a failure of the worker before linking was asked for: `finish` rejects with it */
  private early: Error | null = null;
  /** the mention rows, completed in this thread once the worker has linked the mentions (it goes on with the quotes) */
  private mentionsStaged: Promise<void> | null = null;
  /** where the linked rows are staged (finish) */
  private staging = "";
  /**
   * `staging`: where the link records and the quotes' texts are kept until they are linked. The worker starts here,
   * so that loading its modules (most of a second) is done while the articles are processed, not while linking waits.
   */
  constructor(staging: string) {
    this.files = new LinkFiles(staging);
    const worker = new Worker(new URL("./worker-boot.mjs", import.meta.url), {
      workerData: { entry: new URL("./link-worker.ts", import.meta.url).href },
      resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_MB },
    });
    this.worker = worker;
    worker.on("message", (m: LinkWorkerReply | { released: true }) => {
      if (isReleased(m)) return; // releaseAndTerminate's
      if ("mentions" in m) {
        this.mentionsStaged = stageMentionLinks(this.staging, m.mentions);
        this.mentionsStaged.catch((e: Error) => this.fail(e)); // rejects linking now, if the worker has not replied yet
        return;
      }
      const p = this.pending;
      this.pending = null;
      const staged = this.mentionsStaged;
      if (!m.ok) p?.reject(m.issues ? new ValidationError(m.issues) : Object.assign(new Error(m.message), { stack: m.stack }));
      else if (!staged) p?.reject(new Error("internal error: the link worker finished without handing over the linked mentions"));
      else staged.then(() => p?.resolve({ entities: m.entities, outlets: m.outlets, maxBytes: m.maxBytes }), (e: Error) => p?.reject(e));
    });
    worker.on("error", (e) => this.fail(e));
    worker.on("exit", (code) => this.fail(new Error(`the link worker stopped (exit code ${code})`)));
  }
  /** the first failure rejects linking (or is kept for `finish`, before it); any after it find nothing waiting */
  private fail(e: Error): void {
    if (!this.pending) this.early ??= e;
    this.pending?.reject(e);
    this.pending = null;
  }
  private post(m: LinkWorkerMessage, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(m, transfer);
  }
  async add(st: StagedArticle): Promise<void> {
    await this.files.add(st);
  }
  async finish(staging: string, order: Int32Array): Promise<LinkSummary> {
    this.staging = staging;
    const { records, texts: textsIndex } = await this.files.close(order);
    if (this.early) throw this.early;
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.post({ finish: staging, records }, [records.len.buffer as ArrayBuffer, records.order.buffer as ArrayBuffer]);
      let quoteTexts: QuoteTextsFile | null = null;
      try {
        collectGarbage(); // what the articles phase left, before clustering adds its own
        // the same articles in the same (id) order as the worker's
        quoteTexts = new QuoteTextsFile(new OrderedRecords(textsIndex));
        const texts = clusterQuoteTexts(quoteTexts);
        this.post({ texts }, [texts.group.buffer as ArrayBuffer, texts.start.buffer as ArrayBuffer]);
      } catch (e) {
        this.post({ textsFailed: e instanceof Error ? e.message : String(e) });
      }
      // closed and removed once clustered (close() removes it as well, if this did not)
      quoteTexts?.dispose().catch(() => {});
      // clustering's garbage would otherwise stay in this thread's heap while the worker's grows
      collectGarbage();
    });
  }
  async close(): Promise<void> {
    this.worker.removeAllListeners("exit");
    await releaseAndTerminate(this.worker);
    await this.files.dispose();
  }
}

