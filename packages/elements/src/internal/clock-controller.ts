import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ClockControllerOptions {
  /** How often the host updates, aligned to whole periods of the wall clock. Default 60 000 (each minute). */
  periodMs?: number | undefined;
}

/**
 * Asks the host to update at the start of every period (by default at every new minute) while it
 * is connected, and again when the page becomes visible after being hidden (timers sleep in
 * background tabs). For widgets that show times that move on: "23:10 for Arjun".
 */
export class ClockController implements ReactiveController {
  readonly periodMs: number;
  private readonly host: ReactiveControllerHost;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, options: ClockControllerOptions = {}) {
    const periodMs = options.periodMs ?? 60_000;
    if (!Number.isFinite(periodMs) || periodMs < 10) throw new RangeError('ClockController: `periodMs` must be a number of milliseconds, at least 10.');
    this.host = host;
    this.periodMs = periodMs;
    host.addController(this);
  }

  hostConnected(): void {
    this.schedule();
    document.addEventListener('visibilitychange', this.handleVisibilityChange);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    document.removeEventListener('visibilitychange', this.handleVisibilityChange);
  }

  private readonly handleVisibilityChange = (): void => {
    if (document.visibilityState === 'visible') this.tick();
  };

  private readonly tick = (): void => {
    this.host.requestUpdate();
    this.schedule();
  };

  private schedule(): void {
    clearTimeout(this.timer);
    // A few milliseconds past the boundary, so "now" has surely moved on when the host renders.
    const untilNextPeriod = this.periodMs - (Date.now() % this.periodMs) + 5;
    this.timer = setTimeout(this.tick, untilNextPeriod);
  }
}
