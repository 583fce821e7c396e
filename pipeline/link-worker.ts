// The link worker thread (pipeline/linking.ts WorkerLinker): links the link records the runner staged.
import { parentPort } from "node:worker_threads";
import { LinkRecordsFile, linkAndStage, type LinkWorkerMessage, type LinkWorkerReply } from "./linking.ts";
import type { TextClusters } from "./link/quotes.ts";
import { answerRelease } from "./gc.ts";
import { settleLater } from "./settle.ts";
import { ValidationError } from "./stages/07-validate.ts";

const reply = (m: LinkWorkerReply) => parentPort!.postMessage(m);
// the quotes' texts stay with the runner, which clusters their words and sends the clusters after `finish`
const texts = settleLater<TextClusters>(); // linkAndStage awaits it

parentPort!.on("message", (m: LinkWorkerMessage) => {
  if (answerRelease(m, (r) => parentPort!.postMessage(r))) return;
  if ("texts" in m) return texts.resolve(m.texts);
  if ("textsFailed" in m) return texts.reject(new Error(`clustering the quotes' words: ${m.textsFailed}`));
  // a failure of any step, reading the records included, is replied like linking's own
  const run = async () => {
    const records = new LinkRecordsFile(m.records);
    try {
      // the runner's thread completes the mention rows while this one links the quotes, from the arrays handed over
      return await linkAndStage(records, m.finish, texts.promise, async ({ entityIds, entityOf, start, at }) => {
        // each mention's entity is in a file (linkAndStage), which the runner's thread opens for itself
        const mentions = { entityIds, entityOf, start: start.slice(), at: at.slice() };
        parentPort!.postMessage({ mentions } satisfies LinkWorkerReply, [mentions.start.buffer, mentions.at.buffer]);
      });
    } finally {
      await records.dispose();
    }
  };
  run().then(
    (s) => reply({ ok: true, ...s }),
    (e: Error) => reply({ ok: false, message: e.message, stack: e.stack ?? "", issues: e instanceof ValidationError ? e.issues : null }),
  );
});
