/**
 * The alarm's sound: two short square-wave beeps every 1.6 s from a Web Audio oscillator (no
 * audio file to fetch). Browsers start an AudioContext suspended until the person interacts
 * with the page; `start` reports that so the alarm can ask for a tap.
 */
export class AlarmSound {
  private ctx: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  /** Starts (or keeps) ringing; resolves to whether sound is actually audible. */
  async start(): Promise<boolean> {
    if (typeof window === "undefined" || !("AudioContext" in window)) return false;
    this.ctx ??= new AudioContext();
    if (this.ctx.state === "suspended") {
      // Without a prior gesture resume() stays pending (or rejects): don't wait for it.
      await Promise.race([this.ctx.resume().catch(() => undefined), new Promise((r) => setTimeout(r, 150))]);
    }
    if (!this.timer) {
      this.ring();
      this.timer = setInterval(() => this.ring(), 1600);
    }
    return this.ctx.state === "running";
  }

  /** After a tap: the gesture lets the context run. */
  async unlock(): Promise<boolean> {
    if (!this.ctx) return this.start();
    await this.ctx.resume().catch(() => undefined);
    return this.ctx.state === "running";
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    void this.ctx?.suspend().catch(() => undefined);
  }

  dispose(): void {
    this.stop();
    void this.ctx?.close().catch(() => undefined);
    this.ctx = null;
  }

  private ring(): void {
    const ctx = this.ctx;
    if (!ctx || ctx.state !== "running") return;
    const t = ctx.currentTime + 0.02;
    for (const [offset, freq] of [
      [0, 880],
      [0.22, 1175],
    ] as const) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = "square";
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, t + offset);
      gain.gain.exponentialRampToValueAtTime(0.18, t + offset + 0.015);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + offset + 0.17);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t + offset);
      osc.stop(t + offset + 0.18);
    }
  }
}
