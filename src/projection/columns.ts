/** A growable column of 32-bit integers (the projection's storage). */
export class IntColumn {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  get(i: number): number {
    return this.data[i] ?? 0;
  }

  set(i: number, value: number): void {
    this.data[i] = value;
  }

  push(value: number): number {
    if (this.length === this.data.length) this.grow(this.length * 2);
    this.data[this.length] = value;
    return this.length++;
  }

  /** Reserves `n` more slots set to 0 and returns the first one's index. */
  extend(n: number): number {
    if (this.length + n > this.data.length) this.grow(Math.max(this.length * 2, this.length + n));
    const first = this.length;
    this.length += n;
    return first;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.data.byteLength;
  }

  private grow(capacity: number): void {
    const next = new Int32Array(capacity);
    next.set(this.data);
    this.data = next;
  }
}

/**
 * Values interned once, addressed by a 32-bit index: dates (a few thousand distinct days among
 * millions of spans) and markings (a handful of classification/releasability/citation sets).
 * Index 0 is "none".
 */
export class Interned<T> {
  readonly values: (T | undefined)[] = [undefined];
  private readonly index = new Map<string, number>();

  /** The index of `value` (0 for undefined), interning it on first sight. */
  of(value: T | undefined, key: string): number {
    if (value === undefined) return 0;
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(key, i);
    }
    return i;
  }

  get size(): number {
    return this.values.length;
  }
}
