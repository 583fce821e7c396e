// The link worker thread (pipeline/linking.ts WorkerLinker): collects the link records, then links.
import { parentPort } from "node:worker_threads";
import { LinkRecords, linkAndStage, type LinkWorkerMessage, type LinkWorkerReply } from "./linking.ts";
import { ValidationError } from "./stages/07-validate.ts";

const records = new LinkRecords();
const reply = (m: LinkWorkerReply) => parentPort!.postMessage(m);

parentPort!.on("message", (m: LinkWorkerMessage) => {
  if ("add" in m) {
    for (const a of m.add) records.add(a);
    return;
  }
  linkAndStage(records, m.finish).then(
    (s) => reply({ ok: true, ...s }),
    (e: Error) => reply({ ok: false, message: e.message, stack: e.stack ?? "", issues: e instanceof ValidationError ? e.issues : null }),
  );
});
