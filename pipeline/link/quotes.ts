// Quote clusters: the same quoted words in several articles share a cluster_id, the
// smallest quote_id of the cluster. Rules (see ./README.md):
//  - text is normalised: case, diacritics, quote marks and punctuation, whitespace,
//    apostrophes ("don't" = "dont"), ellipses and the " … " joining an interrupted quote,
//    and editorial insertions in square brackets are dropped;
//  - a short quote (fewer than SHORT_TOKENS words) clusters only with the same normalised
//    words from the same resolved speaker; one with no speaker stays alone (shorter stretches
//    are stock phrases that unrelated speakers repeat);
//  - longer quotes cluster when equal, or near-equal: word-level similarity >= 0.9
//    (1 - word edit distance / longer length) or character-level similarity >= 0.95
//    (typos), unless the words that differ include a negation;
//  - a quote of at least CONTAIN_TOKENS words that appears word for word inside longer
//    quotes joins them, when those quotes all belong to one cluster already;
//  - candidates come from prefix filtering on rare word bigrams (no pass over all pairs):
//    complete for the word-level rule (unless a quote's rarest bigrams are each in
//    more than POSTING_CAP quotes), best effort for the character-level one.
import { lowerBound, rowId } from "../text.ts";
import { asSource, type ArticleSource } from "./entities.ts";
import { fold } from "./names.ts";
import { Column, sortByHash } from "./column.ts";
import { KeySet } from "../keys.ts";
import { UnionFind } from "./unionfind.ts";

export const SHORT_TOKENS = 6;
export const CONTAIN_TOKENS = 6;
export const TOKEN_SIM = 0.9;
export const CHAR_SIM = 0.95;
/** a prefix bigram shared by more quotes than this is skipped for candidate generation */
const POSTING_CAP = 2000;
/** size of the bigram frequency table (a power of two; 16 MiB) */
const SKETCH = 1 << 22;

const NEGATIONS = new Set(
  "not no never nor neither none nothing nobody nowhere cannot cant dont doesnt didnt wont wouldnt shouldnt couldnt isnt arent wasnt werent havent hasnt hadnt aint mustnt neednt".split(" "),
);

/** Lower-case ASCII words joined by single spaces: already normalised, its words are its own (a quote's words, normalised and joined). */
const NORMAL_ASCII = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** Words of a quote after normalisation. */
export function quoteTokens(text: string): string[] {
  if (NORMAL_ASCII.test(text)) return text.split(" ");
  const t = fold(text)
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/'/g, "")
    .replace(/\u2026|\.{3,}/g, " ");
  return t.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Edit distance of two sequences if it is at most k, else k + 1 (banded). */
export function boundedDistance<T>(a: ArrayLike<T>, b: ArrayLike<T>, k: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > k) return k + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  const big = k + 1;
  let prev = new Int32Array(lb + 1);
  let cur = new Int32Array(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j <= k ? j : big;
  for (let i = 1; i <= la; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(lb, i + k);
    cur.fill(big);
    cur[0] = i <= k ? i : big;
    let rowMin = cur[0]!;
    for (let j = lo; j <= hi; j++) {
      const sub = prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      const v = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1, big);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > k) return big;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[lb]!, big);
}

function negationDiffers(a: readonly string[], b: readonly string[]): boolean {
  const count = new Map<string, number>();
  for (const w of a) if (NEGATIONS.has(w)) count.set(w, (count.get(w) ?? 0) + 1);
  for (const w of b) if (NEGATIONS.has(w)) count.set(w, (count.get(w) ?? 0) - 1);
  for (const v of count.values()) if (v !== 0) return true;
  return false;
}

/** Edits allowed between two quotes of these word and character lengths (the longer one counts). */
function budgets(words: number, chars: number): { kt: number; kc: number } {
  return { kt: Math.floor(words * (1 - TOKEN_SIM) + 1e-9), kc: Math.floor(chars * (1 - CHAR_SIM) + 1e-9) };
}

/**
 * Near-equal quotes: word lists (strings, or word ids) and the words joined by single spaces.
 * Word-level similarity >= TOKEN_SIM or character-level similarity >= CHAR_SIM, and no
 * negation added or removed.
 */
export function nearDuplicate(a: ArrayLike<unknown>, b: ArrayLike<unknown>, sa = Array.from(a).join(" "), sb = Array.from(b).join(" ")): boolean {
  return sa === sb || nearWords(a, b, sa.length, sb.length, () => sa, () => sb);
}

/** nearDuplicate of two different texts, given their lengths in characters and made only if the words are compared as characters. */
function nearWords(a: ArrayLike<unknown>, b: ArrayLike<unknown>, ca: number, cb: number, sa: () => string, sb: () => string): boolean {
  const { kt } = budgets(Math.max(a.length, b.length), 0);
  const { kc } = budgets(0, Math.max(ca, cb));
  const tokenOk = kt > 0 && Math.abs(a.length - b.length) <= kt;
  const charOk = kc > 0 && Math.abs(ca - cb) <= kc;
  if (!tokenOk && !charOk) return false;
  const close = (tokenOk && boundedDistance(a, b, kt) <= kt) || (charOk && boundedDistance(sa(), sb(), kc) <= kc);
  return close && !negationDiffers(sa().split(" "), sb().split(" "));
}

/** 32-bit hash of a word bigram (word ids). */
const bigramHash = (x: number, y: number) => {
  let h = Math.imul(x ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(y + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
};

/** Whether `words` holds the words of `needle` (not empty) one after another. */
export function containsWords<T>(words: ArrayLike<T>, needle: ArrayLike<T>): boolean {
  const m = needle.length;
  for (let at = 0, last = words.length - m; at <= last; at++) {
    if (words[at] !== needle[0]) continue;
    let k = 1;
    while (k < m && words[at + k] === needle[k]) k++;
    if (k === m) return true;
  }
  return false;
}

/**
 * The word ids of the i-th text of a KeySet of texts held as their ids' bytes (a view). Every text's length there is
 * a multiple of 4 bytes, and a chunk of texts starts on an aligned address, so each text starts 4-aligned.
 */
function idsAt(set: KeySet, i: number): Int32Array {
  const b = set.bytes(i);
  return new Int32Array(b.buffer, b.byteOffset, b.length >> 2);
}

export interface QuoteArticle {
  article_id: string;
  quotes: QuoteIn[];
}

export interface QuoteIn {
  text: string;
  /** resolved speaker entity, used only for short quotes */
  speaker: string | null;
}

/** cluster_id of every quote, per article, in input order. */
export function clusterQuotes(input: QuoteArticle[] | ArticleSource<QuoteArticle>): string[][] {
  const c = clusterQuotesCompact(asSource(input));
  return Array.from({ length: c.start.length - 1 }, (_, ai) => Array.from({ length: c.start[ai + 1]! - c.start[ai]! }, (_, i) => clusterIdOf(c, c.start[ai]! + i)));
}

/** Quote clusters held compactly for a large corpus: one integer per quote. */
export interface CompactClusters {
  /** article i's quotes are quotes start[i] .. start[i + 1] - 1 (input order) */
  start: Int32Array;
  /** each quote's cluster, as the quote (an index as above) whose quote_id is the cluster_id */
  rep: Int32Array;
  /** the articles' ids, in input order */
  articleIds: string[];
}

/** The quote_id of quote q (an index into CompactClusters.start's numbering). */
export function quoteIdAt(c: Omit<CompactClusters, "rep">, q: number): string {
  // the article whose quotes end after q (articles without quotes before it end at or before q)
  const a = lowerBound(c.start.length - 1, (i) => c.start[i + 1]! <= q);
  return rowId(c.articleIds[a]!, "q", q - c.start[a]!);
}

/** The cluster_id of quote q. */
export const clusterIdOf = (c: CompactClusters, q: number): string => quoteIdAt(c, c.rep[q]!);

/** cluster_id of every quote, as CompactClusters. */
export function clusterQuotesCompact(src: ArticleSource<QuoteArticle>): CompactClusters {
  const texts = clusterQuoteTexts(src);
  const articleIds: string[] = [];
  const speakerIds = new Map<string, number>();
  const speakerOf = new Int32Array(texts.group.length);
  for (let ai = 0, q = 0; ai < src.length; ai++) {
    const a = src.at(ai);
    articleIds.push(a.article_id);
    for (const x of a.quotes) {
      let id = x.speaker === null ? -1 : speakerIds.get(x.speaker);
      if (id === undefined) speakerIds.set(x.speaker!, (id = speakerIds.size));
      speakerOf[q++] = id;
    }
  }
  return finishClusters(texts, articleIds, speakerOf);
}

/**
 * The part of quote clustering that reads only the quotes' words (not their speakers), so it can run beside
 * entity linking. Per quote, in input order, `group` holds its long quotes' cluster (a number below `longs`),
 * ALONE for a quote without words, or, for a short quote, SHORT minus the index of its words (equal words, equal
 * index); finishClusters puts short quotes with their speakers.
 */
export interface TextClusters {
  group: Int32Array;
  /** article i's quotes are start[i] .. start[i + 1] - 1 */
  start: Int32Array;
  /** clusters of long quotes */
  longs: number;
  /** distinct words of short quotes */
  shorts: number;
}

const ALONE = -1;
const SHORT = -2;

/** The words-only part of clusterQuotesCompact (see TextClusters). */
export function clusterQuoteTexts(src: ArticleSource<{ quotes: readonly { text: string }[] }>): TextClusters {
  // per quote, in input order: a unique long text's index (>= 0), ALONE, or a short quote's words (SHORT - their index).
  // A text is held as its words' ids (first numbered as they come), each distinct text once: not as a string, but as
  // the ids' bytes in a KeySet (idsAt)
  const group = new Column(Int32Array);
  const vocab = new Map<string, number>();
  const wordOf: string[] = [];
  const longs = new KeySet();
  const shorts = new KeySet();
  let seq = new Int32Array(64);
  const start = new Int32Array(src.length + 1);
  for (let ai = 0; ai < src.length; ai++) {
    const a = src.at(ai);
    start[ai] = group.length;
    for (const q of a.quotes) {
      const toks = quoteTokens(q.text);
      if (toks.length === 0) {
        group.push(ALONE);
        continue;
      }
      if (seq.length < toks.length) seq = new Int32Array(2 * toks.length);
      for (let k = 0; k < toks.length; k++) {
        let id = vocab.get(toks[k]!);
        if (id === undefined) {
          vocab.set(toks[k]!, (id = wordOf.length));
          wordOf.push(toks[k]!);
        }
        seq[k] = id;
      }
      const ws = new Uint8Array(seq.buffer, 0, 4 * toks.length);
      const set = toks.length < SHORT_TOKENS ? shorts : longs;
      let x = set.find(ws);
      if (x < 0) x = set.add(ws);
      group.push(set === shorts ? SHORT - x : x);
    }
  }
  const nq = group.length;
  start[src.length] = nq;
  const nShort = shorts.length;
  shorts.clear();
  vocab.clear();

  // long quotes, in a deterministic order of unique texts (their words joined by single spaces, in code-unit order,
  // the default sort's: word by word, in the words' order, a text before the longer ones it begins); words get ids
  // in that order
  const n = longs.length;
  const wordRank = new Int32Array(wordOf.length);
  Array.from(wordOf.keys())
    .sort((x, y) => (wordOf[x]! < wordOf[y]! ? -1 : 1))
    .forEach((w, r) => (wordRank[w] = r));
  const uOfRank = new Int32Array(n);
  for (let u = 0; u < n; u++) uOfRank[u] = u;
  uOfRank.sort((x, y) => {
    const a = idsAt(longs, x);
    const b = idsAt(longs, y);
    for (let k = 0, m = Math.min(a.length, b.length); k < m; k++) if (a[k] !== b[k]) return wordRank[a[k]!]! - wordRank[b[k]!]!;
    return a.length - b.length;
  });
  const rankOfU = new Int32Array(n);
  uOfRank.forEach((u, r) => (rankOfU[u] = r));
  const newId = new Int32Array(wordOf.length).fill(-1);
  const words: string[] = [];
  for (let r = 0; r < n; r++)
    for (const w of idsAt(longs, uOfRank[r]!))
      if (newId[w]! < 0) {
        newId[w] = words.length;
        words.push(wordOf[w]!);
      }
  wordOf.length = 0;
  // the texts' words renumbered in place (the set is not searched again: its table knows the texts by the old ids)
  for (let u = 0; u < n; u++) {
    const t = idsAt(longs, u);
    for (let k = 0; k < t.length; k++) t[k] = newId[t[k]!]!;
  }
  /** word ids of text i (i in the sorted order; a view), their count, and the text (its words joined by single spaces) */
  const toks = (i: number) => idsAt(longs, uOfRank[i]!);
  const ntok = (i: number) => toks(i).length;
  const text = (i: number) => Array.from(toks(i), (w) => words[w]!).join(" ");
  const chars = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = toks(i);
    let c = t.length - 1;
    for (const w of t) c += words[w]!.length;
    chars[i] = c;
  }

  // candidates share a word bigram among their rarest few (prefix filtering): an edit changes at
  // most two bigrams, so quotes within k word edits share one of each other's 2k+1 rarest
  // bigrams. Bigram frequencies are counted in a fixed-size table (collisions only cost speed).
  const counts = new Uint32Array(SKETCH);
  for (let i = 0; i < n; i++) {
    const t = toks(i);
    for (let w = 1; w < t.length; w++) counts[bigramHash(t[w - 1]!, t[w]!) & (SKETCH - 1)]!++;
  }
  const freq = (h: number) => counts[h & (SKETCH - 1)]!;
  /** the quote's distinct bigrams, rarest first (count, then hash: one global order), as count * 2^32 + hash */
  const rarest = (t: Int32Array): Float64Array => {
    const keys = new Float64Array(Math.max(0, t.length - 1));
    for (let w = 1; w < t.length; w++) {
      const h = bigramHash(t[w - 1]!, t[w]!);
      keys[w - 1] = Math.min(freq(h), 1 << 20) * 4294967296 + h;
    }
    keys.sort();
    let d = 0;
    for (let w = 0; w < keys.length; w++) if (w === 0 || keys[w] !== keys[d - 1]) keys[d++] = keys[w]!;
    return keys.subarray(0, d);
  };
  const hashOf = (key: number) => key % 4294967296;

  const uf = new UnionFind(n);
  /** rarest bigram of each quote long enough to be a fragment, else -1 */
  const firstRare = new Float64Array(n).fill(-1);
  // prefix bigrams checked per quote: 2k + 1 for k word edits, where k is the longer quote's budget,
  // and one word when only characters differ
  const prefixLength = (i: number): number => {
    const b = budgets(Math.ceil(ntok(i) / TOKEN_SIM), Math.ceil(chars[i]! / CHAR_SIM));
    return 2 * Math.max(b.kt, b.kc > 0 ? 1 : 0) + 1;
  };
  // each quote's prefix bigrams as (hash, quote) pairs, in quote order: typed arrays sized in advance,
  // not a map of lists, since there are millions of them
  let cap = 0;
  for (let i = 0; i < n; i++) cap += Math.min(Math.max(0, ntok(i) - 1), prefixLength(i));
  const ph = new Uint32Array(cap);
  const pq = new Int32Array(cap);
  let np = 0;
  for (let i = 0; i < n; i++) {
    const t = toks(i);
    const keys = rarest(t);
    if (t.length >= CONTAIN_TOKENS && keys.length > 0) firstRare[i] = hashOf(keys[0]!);
    const m = Math.min(keys.length, prefixLength(i));
    for (let x = 0; x < m; x++) {
      ph[np] = hashOf(keys[x]!);
      pq[np++] = i;
    }
  }
  // posting lists: the pairs sorted by hash, each hash's quotes in quote order
  const sorted = sortByHash(ph.subarray(0, np));
  const listStart = new Int32Array(np);
  const rank = new Int32Array(np);
  for (let s = 0, start = 0; s < np; s++) {
    const x = sorted[s]!;
    if (s > 0 && ph[x] !== ph[sorted[s - 1]!]) start = s;
    listStart[x] = start;
    rank[x] = s - start;
  }
  // each quote is compared with the quotes before it in the lists of its prefix bigrams, unless a
  // list is longer than POSTING_CAP there
  for (let x = 0; x < np; ) {
    const i = pq[x]!;
    const seen = new Set<number>();
    for (; x < np && pq[x] === i; x++) {
      const r = rank[x]!;
      if (r > POSTING_CAP) continue;
      for (let s = listStart[x]!, e = s + r; s < e; s++) seen.add(pq[sorted[s]!]!);
    }
    const ti = toks(i);
    let si: string | undefined;
    const textI = () => (si ??= text(i));
    for (const j of seen) if (uf.find(i) !== uf.find(j) && nearWords(ti, toks(j), chars[i]!, chars[j]!, textI, () => text(j))) uf.union(i, j);
  }

  // containment, decided on the near-duplicate clusters (so the order of unions does not matter):
  // a longer quote holds every bigram of the fragment, its rarest one included
  const isFragment = (i: number) => {
    const h = firstRare[i]!;
    return h >= 0 && freq(h) > 1 && freq(h) <= POSTING_CAP;
  };
  // the quotes holding each fragment's rarest bigram, in quote order: the lists one after another in one array
  const listOf = new Map<number, number>(); // bigram hash -> its list
  for (let i = 0; i < n; i++) if (isFragment(i) && !listOf.has(firstRare[i]!)) listOf.set(firstRare[i]!, listOf.size);
  const holderStart = new Int32Array(listOf.size + 1);
  const lastHolder = new Int32Array(listOf.size).fill(-1);
  const holding = { list: new Column(Int32Array), quote: new Column(Int32Array) };
  for (let i = 0; i < n; i++) {
    const t = toks(i);
    for (let w = 1; w < t.length; w++) {
      const l = listOf.get(bigramHash(t[w - 1]!, t[w]!));
      if (l === undefined || lastHolder[l] === i) continue;
      lastHolder[l] = i;
      holderStart[l + 1]!++;
      holding.list.push(l);
      holding.quote.push(i);
    }
  }
  for (let l = 0; l < listOf.size; l++) holderStart[l + 1]! += holderStart[l]!;
  const holders = new Int32Array(holding.list.length);
  const filled = holderStart.slice(0, listOf.size);
  for (let x = 0; x < holding.list.length; x++) holders[filled[holding.list.get(x)]!++] = holding.quote.get(x);
  holding.list.clear();
  holding.quote.clear();
  const rootAfterNear = Int32Array.from({ length: n }, (_, i) => uf.find(i));
  const edges: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    if (!isFragment(i)) continue;
    const needle = toks(i);
    const l = listOf.get(firstRare[i]!)!;
    const roots = new Set<number>();
    let first = -1;
    for (let x = holderStart[l]!; x < holderStart[l + 1]!; x++) {
      const j = holders[x]!;
      if (j === i || ntok(j) <= ntok(i)) continue;
      if (!containsWords(toks(j), needle)) continue;
      roots.add(rootAfterNear[j]!);
      first = j;
    }
    if (roots.size === 1) edges.push([i, first]);
  }
  for (const [i, j] of edges) uf.union(i, j);

  // each long quote's cluster: its unique text's root
  const out = group.trimmed();
  for (let q = 0; q < nq; q++) if (out[q]! >= 0) out[q] = uf.find(rankOfU[out[q]!]!);
  return { group: out, start, longs: n, shorts: nShort };
}

/**
 * Quote clusters from the words-only part and each quote's speaker (a number per speaker entity, -1 for none;
 * input order): a short quote joins the short quotes with the same words and speaker, one without a speaker
 * stays alone. Each cluster's id is its smallest quote_id.
 */
export function finishClusters(t: TextClusters, articleIds: string[], speakerOf: ArrayLike<number>): CompactClusters {
  const { start, longs: n } = t;
  const nq = t.group.length;
  if (articleIds.length !== start.length - 1 || speakerOf.length !== nq) throw new Error(`quote clusters of ${nq} quotes in ${start.length - 1} articles, given ${speakerOf.length} speakers and ${articleIds.length} articles`);
  // per quote: its cluster's key (long clusters first, then short quotes by speaker and words), ALONE for none
  const key = Int32Array.from(t.group);
  const short = new Map<number, number>();
  for (let q = 0; q < nq; q++) {
    const g = key[q]!;
    if (g >= 0 || g === ALONE) continue;
    const sp = speakerOf[q]!;
    if (sp < 0) {
      key[q] = ALONE;
      continue;
    }
    const k = sp * t.shorts + (SHORT - g);
    let x = short.get(k);
    if (x === undefined) short.set(k, (x = n + short.size));
    key[q] = x;
  }
  // cluster ids: the smallest quote_id of each cluster
  const out: CompactClusters = { start, rep: key, articleIds };
  const minQ = new Int32Array(n + short.size).fill(-1);
  short.clear();
  for (let ai = 0; ai < articleIds.length; ai++)
    for (let q = start[ai]!; q < start[ai + 1]!; q++) {
      const k = key[q]!;
      if (k === ALONE) continue;
      const cur = minQ[k]!;
      if (cur < 0 || rowId(articleIds[ai]!, "q", q - start[ai]!) < quoteIdAt(out, cur)) minQ[k] = q;
    }
  for (let q = 0; q < nq; q++) key[q] = key[q] === ALONE ? q : minQ[key[q]!]!;
  return out;
}
