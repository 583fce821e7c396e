// A bounded memo for values computed from a string key: two generations of at most `max` entries each. When
// the newer one is full it becomes the older and a fresh one starts; a hit in the older one is carried over to
// the newer. Keys that keep coming back stay, whatever the number of keys seen once; memory stays below
// 2 × max entries.
export class Memo<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  private readonly max: number;
  constructor(max: number) {
    this.max = max;
  }
  get(key: string, make: (key: string) => V): V {
    let v = this.young.get(key);
    if (v !== undefined) return v;
    v = this.old.get(key);
    if (v === undefined) v = make(key);
    if (this.young.size >= this.max) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, v);
    return v;
  }
  /** drops every entry */
  clear(): void {
    this.young = new Map();
    this.old = new Map();
  }
}
