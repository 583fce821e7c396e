// Apache Arrow as an ES module for DuckDB-WASM: re-exports the global that the package's UMD build defines.
const A = globalThis.Arrow;
if (!A) throw new Error("Apache Arrow did not load (/arrow/Arrow.es2015.min.js)");
export default A;
export const { Table, RecordBatchReader, RecordBatch, tableToIPC, tableFromIPC, Type, DataType, Field, Schema, Vector, util } = A;
