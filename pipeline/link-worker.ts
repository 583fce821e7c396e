// The link worker thread (pipeline/linking.ts WorkerLinker): collects the link records, then links.
import { parentPort } from "node:worker_threads";
import { LinkRecords, linkAndStage, type LinkWorkerMessage, type LinkWorkerReply } from "./linking.ts";
import type { TextClusters } from "./link/quotes.ts";
import { settleLater } from "./settle.ts";
import { ValidationError } from "./stages/07-validate.ts";

// the quotes' texts stay with the runner, which clusters their words and sends the clusters after `finish`
const records = new LinkRecords(false);
const reply = (m: LinkWorkerReply) => parentPort!.postMessage(m);
const texts = settleLater<TextClusters>(); // linkAndStage awaits it

parentPort!.on("message", (m: LinkWorkerMessage) => {
  if ("add" in m) {
    for (const a of m.add) records.add(a);
    return;
  }
  if ("texts" in m) return texts.resolve(m.texts);
  if ("textsFailed" in m) return texts.reject(new Error(`clustering the quotes' words: ${m.textsFailed}`));
  linkAndStage(records, m.finish, texts.promise).then(
    (s) => reply({ ok: true, ...s }),
    (e: Error) => reply({ ok: false, message: e.message, stack: e.stack ?? "", issues: e instanceof ValidationError ? e.issues : null }),
  );
});
