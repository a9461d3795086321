import type { MentorKitError } from '@mentorkit/core';

/**
 * The base of the test stand-ins for server services (calendars, certificates, notifications): `hold()`
 * keeps the next call pending until the returned function is called (to see a busy state), and
 * `failNext` refuses the next call with that error. Each service method starts with `await this.enter()`.
 */
export class HeldCalls {
  failNext: MentorKitError | undefined;
  private gate: Promise<void> | undefined;

  /** The next call waits until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    this.gate = new Promise<void>((resolve) => (release = resolve));
    return release;
  }

  protected async enter(): Promise<void> {
    const gate = this.gate;
    this.gate = undefined;
    if (gate) await gate;
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure) throw failure;
  }
}
