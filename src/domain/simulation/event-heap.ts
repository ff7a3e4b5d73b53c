/**
 * A binary min-heap of simulation events ordered by time, ties broken by insertion order so that a run
 * is reproducible. Push and pop are O(log n); times and payloads sit in parallel arrays to spare the
 * garbage collector millions of small objects.
 */
export class EventHeap {
  private times: number[] = [];
  private orders: number[] = [];
  private kinds: number[] = [];
  private refs: number[] = [];
  private counter = 0;

  get size(): number {
    return this.times.length;
  }

  /** Schedules event `kind` about object `ref` (a call or agent index) at `time`. */
  push(time: number, kind: number, ref: number): void {
    const t = this.times;
    let i = t.length;
    t.push(time);
    this.orders.push(this.counter++);
    this.kinds.push(kind);
    this.refs.push(ref);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Removes the earliest event into `out` and returns true, or false when the heap is empty. */
  pop(out: { time: number; kind: number; ref: number }): boolean {
    const n = this.times.length;
    if (n === 0) return false;
    out.time = this.times[0] as number;
    out.kind = this.kinds[0] as number;
    out.ref = this.refs[0] as number;
    this.swap(0, n - 1);
    this.times.pop();
    this.orders.pop();
    this.kinds.pop();
    this.refs.pop();
    const size = n - 1;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && this.less(l, m)) m = l;
      if (r < size && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return true;
  }

  private less(a: number, b: number): boolean {
    const ta = this.times[a] as number;
    const tb = this.times[b] as number;
    return ta < tb || (ta === tb && (this.orders[a] as number) < (this.orders[b] as number));
  }

  private swap(a: number, b: number): void {
    for (const arr of [this.times, this.orders, this.kinds, this.refs]) {
      const v = arr[a] as number;
      arr[a] = arr[b] as number;
      arr[b] = v;
    }
  }
}
