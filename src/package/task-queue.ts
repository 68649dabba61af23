/**
 * Which task of a build each render worker takes next. Tasks come in plan order (document, then
 * language, then partner), and a worker that renders the next copy of the document it just
 * rendered reuses that template set's compiled templates and parsed Markdown, while a worker that
 * jumps between documents compiles and parses every set once more (the two workers used to take
 * tasks in turns, and so both did nearly all of it). So each worker starts on its own share of the
 * list and works through it in order; one whose share is done takes from the end of the share
 * with the most left, which its owner reaches last (work stealing), so no worker waits while
 * another has work.
 */
export class TaskQueue {
  private readonly from: number[] = [];
  private readonly to: number[] = [];

  constructor(count: number, workers: number) {
    for (let w = 0; w < workers; w++) {
      this.from.push(Math.floor((w * count) / workers));
      this.to.push(Math.floor(((w + 1) * count) / workers));
    }
  }

  /** The index of worker `w`'s next task, or undefined when every task has been handed out. */
  next(w: number): number | undefined {
    if (this.from[w]! < this.to[w]!) return this.from[w]!++;
    let victim = -1;
    let most = 0;
    for (let v = 0; v < this.from.length; v++) {
      const left = this.to[v]! - this.from[v]!;
      if (left > most) {
        most = left;
        victim = v;
      }
    }
    return victim < 0 ? undefined : --this.to[victim]!;
  }
}
