// PLACEHOLDER (being replaced): metadata files published next to datapackage.json
// (CITATION.cff, CHANGELOG.md, croissant.json). Pure: returns path → content.
import type { FileInfo } from "./metadata.ts";
import type { TextPolicy } from "./write.ts";

export interface ExtrasInput {
  counts: Record<string, number>;
  /** the data files (parquet/, csv/, json/, schemas/) with bytes and sha256 */
  files: FileInfo[];
  policy: TextPolicy;
  /** the datapackage.json text */
  datapackage: string;
}

export function extraFiles(x: ExtrasInput): Record<string, string> {
  void x;
  return {};
}
