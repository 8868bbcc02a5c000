/**
 * A time limit for one file's work, checked cooperatively between small steps (parser advances, walk steps, fixes),
 * so one pathological file is reported as over its limit instead of holding a CI job with nothing printed.
 */
import { now } from './steps';

/** Thrown by TimeBudget.check once the limit has passed; the scan pipeline turns it into a skipped file. */
export class TimeBudgetExceeded extends Error {
  constructor(readonly seconds: number) {
    super(`took longer than the per-file time limit of ${seconds} s`);
  }
}

/** Reading the clock costs more than most steps: it is read every this many checks. */
const CHECKS_PER_CLOCK_READ = 64;

export class TimeBudget {
  private readonly deadline: number;
  private checks = 0;

  constructor(readonly seconds: number) {
    this.deadline = now() + seconds * 1000;
  }

  /** Throws TimeBudgetExceeded when the limit has passed (the clock is read on every 64th call). */
  check(): void {
    if (++this.checks % CHECKS_PER_CLOCK_READ !== 0) return;
    if (now() > this.deadline) throw new TimeBudgetExceeded(this.seconds);
  }
}
