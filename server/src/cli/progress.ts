/**
 * A one-line progress indicator on stderr for long scans on a terminal. It stays
 * silent for the first half second so quick scans print nothing extra.
 */
export class ProgressLine {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly write: ((text: string) => void) | undefined) {}

  update(done: number, total: number): void {
    if (!this.write) return;
    const now = Date.now();
    if (now - this.started < 500 || now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.drawn = true;
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    this.write(`\r\x1b[2KScanning ${done}/${total} files (${percent}%)`);
  }

  clear(): void {
    if (this.write && this.drawn) this.write('\r\x1b[2K');
  }
}
