// The link worker thread (pipeline/linking.ts WorkerLinker): collects the link records, then links.
import { parentPort } from "node:worker_threads";
import { LinkRecords, linkAndStage, type LinkWorkerMessage, type LinkWorkerReply } from "./linking.ts";
import type { TextClusters } from "./link/quotes.ts";
import { ValidationError } from "./stages/07-validate.ts";

// the quotes' texts stay with the runner, which clusters their words and sends the clusters after `finish`
const records = new LinkRecords(false);
const reply = (m: LinkWorkerReply) => parentPort!.postMessage(m);
let gotTexts!: (t: TextClusters) => void;
let noTexts!: (e: Error) => void;
const texts = new Promise<TextClusters>((res, rej) => ((gotTexts = res), (noTexts = rej)));
texts.catch(() => {}); // linkAndStage awaits it

parentPort!.on("message", (m: LinkWorkerMessage) => {
  if ("add" in m) {
    for (const a of m.add) records.add(a);
    return;
  }
  if ("texts" in m) return gotTexts(m.texts);
  if ("textsFailed" in m) return noTexts(new Error(`clustering the quotes' words: ${m.textsFailed}`));
  linkAndStage(records, m.finish, texts).then(
    (s) => reply({ ok: true, ...s }),
    (e: Error) => reply({ ok: false, message: e.message, stack: e.stack ?? "", issues: e instanceof ValidationError ? e.issues : null }),
  );
});
