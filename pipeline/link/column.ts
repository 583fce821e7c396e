// A growing list of integers in one typed array: millions of them cost 4 bytes each (or 1), not a JS array's 8 or more.

export class Column<A extends Int32Array | Uint8Array> {
  private data: A;
  length = 0;
  constructor(private readonly Make: new (n: number) => A) {
    this.data = new Make(1024);
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const grown = new this.Make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = x;
  }
  get(i: number): number {
    return this.data[i]!;
  }
  /** the values so far, in an array of their own length */
  trimmed(): A {
    return this.data.slice(0, this.length) as A;
  }
}
