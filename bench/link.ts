// Scale smoke check for the corpus-wide link stage (not run by the tests):
// synthesises N articles of random mentions and quotes (some quotes travel between
// articles, with small edits or as fragments) and times link.run.
// Prints one line: BENCH link key=value ... (ms = link.run only; rss_before_mb = the synthetic
// input held in memory; peak_rss_mb = peak resident set size of the whole process).
// Run: npx tsx bench/link.ts [articles=40000]
import { link, type LinkArticle } from "../pipeline/stages/06-link.ts";
import { rng } from "../pipeline/ner/train.ts";

const rand = rng(42);
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
const zipf = <T>(xs: T[]) => xs[Math.min(xs.length - 1, Math.floor(xs.length * Math.pow(rand(), 3)))]!;

const syll = ["ka", "lo", "mi", "ra", "to", "ve", "ni", "sa", "de", "bo", "ru", "ze", "po", "li", "ma", "no", "ta", "gi"];
const word = (n: number) => Array.from({ length: n }, () => pick(syll)).join("");
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const vocab = Array.from({ length: 30000 }, () => word(1 + Math.floor(rand() * 4)));
const given = Array.from({ length: 400 }, () => cap(word(2 + Math.floor(rand() * 2))));
const surnames = Array.from({ length: 5000 }, () => cap(word(2 + Math.floor(rand() * 2))) + pick(["ov", "in", "sky", "er", "son", ""]));
const orgs = Array.from({ length: 3000 }, () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => cap(word(2))).join(" "));
const places = ["U.S.", "United States", "America", "UK", "Britain", "France", "Germany", ...Array.from({ length: 2000 }, () => cap(word(3)))];
const sentence = () => Array.from({ length: 8 + Math.floor(rand() * 25) }, () => zipf(vocab)).join(" ");
const travelling = Array.from({ length: 60000 }, sentence);

const N = Number(process.argv[2] ?? 40000);
const articles: LinkArticle[] = [];
for (let a = 0; a < N; a++) {
  const mentions: LinkArticle["mentions"] = [];
  const acronyms: [number, number][] = [];
  const people = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => [zipf(given), zipf(surnames)] as const);
  for (const [g, s] of people) {
    mentions.push({ text: `${g} ${s}`, type: "person" });
    for (let k = Math.floor(rand() * 3); k > 0; k--) mentions.push({ text: rand() < 0.3 ? `Mr. ${s}` : s, type: "person" });
  }
  for (let k = Math.floor(rand() * 4); k > 0; k--) {
    const o = zipf(orgs);
    mentions.push({ text: o, type: "organization" });
    if (rand() < 0.4) mentions.push({ text: o.split(" ").map((w) => w[0]).join(""), type: "organization" });
    // an in-text definition "Long Name (XYZ)" with letters that are not the initials
    else if (rand() < 0.2) {
      mentions.push({ text: word(2).toUpperCase().slice(0, 3), type: "organization" });
      acronyms.push([mentions.length - 2, mentions.length - 1]);
    }
  }
  for (let k = Math.floor(rand() * 4); k > 0; k--) mentions.push({ text: zipf(places), type: "location" });
  const quotes: LinkArticle["quotes"] = [];
  for (let k = 0; k < 10; k++) {
    let text: string;
    const r = rand();
    if (r < 0.3) {
      const t = zipf(travelling).split(" ");
      if (rand() < 0.2) t[Math.floor(rand() * t.length)] = zipf(vocab);
      if (rand() < 0.2 && t.length > 12) text = t.slice(2, 10).join(" ");
      else text = t.join(" ");
    } else text = sentence();
    quotes.push({ text: cap(text) + ".", speaker_mention: rand() < 0.8 ? Math.floor(rand() * mentions.length) : null });
  }
  articles.push({ article_id: `bench/${String(a).padStart(6, "0")}`, outlet: null, mentions, quotes, acronyms });
}

const mb = (bytes: number) => Math.round(bytes / 1048576);
const inputRss = mb(process.memoryUsage().rss);
const t0 = performance.now();
const out = link.run(articles);
const ms = Math.round(performance.now() - t0);
const peakRss = Math.round(process.resourceUsage().maxRSS / 1024);
const clusters = new Set(out.quoteLinks.flat().map((q) => q.cluster_id)).size;
const quotes = articles.reduce((n, a) => n + a.quotes.length, 0);
const mentions = articles.reduce((n, a) => n + a.mentions.length, 0);
console.log(
  `BENCH link articles=${N} mentions=${mentions} quotes=${quotes} entities=${out.entities.length} clusters=${clusters} ms=${ms} us_per_article=${Math.round((ms * 1000) / N)} rss_before_mb=${inputRss} peak_rss_mb=${peakRss}`,
);
