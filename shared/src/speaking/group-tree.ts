/**
 * Remaining entries in list order, indexable by "the first remaining one outside group G":
 * a segment tree whose nodes know how many entries are left below them, the group of one of
 * them and whether they hold more than one group. Every operation is O(log n).
 */
export class GroupTree {
  private readonly size: number;
  private readonly count: Int32Array;
  private readonly group: Int32Array;
  private readonly mixed: Uint8Array;

  constructor(n: number) {
    let size = 1;
    while (size < n) size *= 2;
    this.size = size;
    this.count = new Int32Array(2 * size);
    this.group = new Int32Array(2 * size).fill(-1);
    this.mixed = new Uint8Array(2 * size);
  }

  /** Puts entry `i` (of group `g`) in, or takes it out with `g = -1`. */
  set(i: number, g: number): void {
    let node = this.size + i;
    this.count[node] = g < 0 ? 0 : 1;
    this.group[node] = g;
    for (node >>= 1; node >= 1; node >>= 1) {
      const l = 2 * node;
      const r = l + 1;
      const cl = this.count[l]!;
      const cr = this.count[r]!;
      this.count[node] = cl + cr;
      if (cl === 0) {
        this.group[node] = this.group[r]!;
        this.mixed[node] = this.mixed[r]!;
      } else {
        this.group[node] = this.group[l]!;
        this.mixed[node] =
          this.mixed[l]! || (cr > 0 && (this.mixed[r]! || this.group[l] !== this.group[r])) ? 1 : 0;
      }
    }
  }

  /** The first remaining index whose group is not `excluded` (any group when -1); -1 if none. */
  firstOutside(excluded: number): number {
    if (!this.holdsOutside(1, excluded)) return -1;
    let node = 1;
    while (node < this.size) node = this.holdsOutside(2 * node, excluded) ? 2 * node : 2 * node + 1;
    return node - this.size;
  }

  private holdsOutside(node: number, excluded: number): boolean {
    if (this.count[node] === 0) return false;
    return excluded < 0 || this.mixed[node] === 1 || this.group[node] !== excluded;
  }
}
