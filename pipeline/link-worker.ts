// The link worker thread (pipeline/linking.ts WorkerLinker): collects the link records, then links.
import { parentPort } from "node:worker_threads";
import { LinkRecords, linkAndStage, type LinkWorkerMessage, type LinkWorkerReply } from "./linking.ts";
import type { TextClusters } from "./link/quotes.ts";
import type { LinkArticle } from "./stages/06-link.ts";
import { settleLater } from "./settle.ts";
import { ValidationError } from "./stages/07-validate.ts";

// the quotes' texts stay with the runner, which clusters their words and sends the clusters after `finish`
const records = new LinkRecords(false);
const UTF8 = new TextDecoder();
const reply = (m: LinkWorkerReply) => parentPort!.postMessage(m);
const texts = settleLater<TextClusters>(); // linkAndStage awaits it

parentPort!.on("message", (m: LinkWorkerMessage) => {
  if ("add" in m) {
    // a record at a time: one string for the whole batch would be a large object, kept until a full collection
    for (let i = 0, from = 0; i < m.ends.length; from = m.ends[i++]!) records.add(JSON.parse(UTF8.decode(m.add.subarray(from, m.ends[i]))) as LinkArticle);
    return;
  }
  if ("texts" in m) return texts.resolve(m.texts);
  if ("textsFailed" in m) return texts.reject(new Error(`clustering the quotes' words: ${m.textsFailed}`));
  linkAndStage(records, m.finish, texts.promise).then(
    (s) => reply({ ok: true, ...s }),
    (e: Error) => reply({ ok: false, message: e.message, stack: e.stack ?? "", issues: e instanceof ValidationError ? e.issues : null }),
  );
});
