// Worker threads run TypeScript through tsx's loader, registered here before the worker module loads.
import { register } from "tsx/esm/api";
import { workerData } from "node:worker_threads";

register();
await import(workerData.entry);
