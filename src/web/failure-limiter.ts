// Counts failed attempts per client (e.g. unknown personal-link tokens) in memory and blocks a
// client for the rest of the window once it has too many. Per process on purpose: it costs the
// hot path nothing, and with 256-bit tokens it only has to make scanning pointless, not impossible.
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max = 30,
    private readonly windowMs = 15 * 60_000,
    private readonly maxClients = 10_000,
  ) {}

  /** When the client may try again, or undefined when it is not blocked. */
  blockedUntil(client: string, now: number): Date | undefined {
    const recent = this.recent(client, now);
    return recent.length >= this.max ? new Date(recent[0] + this.windowMs) : undefined;
  }

  fail(client: string, now: number): void {
    const recent = this.recent(client, now);
    recent.push(now);
    this.failures.delete(client);
    this.failures.set(client, recent.slice(-this.max));
    // Forget the least recently failing clients first (Map keeps insertion order).
    if (this.failures.size > this.maxClients) this.failures.delete(this.failures.keys().next().value as string);
  }

  private recent(client: string, now: number): number[] {
    return (this.failures.get(client) ?? []).filter((t) => t > now - this.windowMs);
  }
}
