/**
 * Traffic shifter: two revisions of one Cloud Run service, split by the service's traffic targets
 * (packages/gcp's traffic module: the change is waited for until it routes, and what it returns is
 * re-read from the service's `trafficStatuses`). Tags on other revisions are kept at 0 %; the two
 * revisions are pinned by name, so a revision deployed meanwhile cannot take traffic through LATEST.
 */
import { type CloudRunApi, formatSplit, readSplit, type ServingTarget, setSplit, shortName } from '@ml-deploy/gcp';
import type { Logger } from '@ml-deploy/action-kit';
import type { TrafficShifter } from '../interfaces';

export interface CloudRunShifterOptions {
  /** `projects/P/locations/R/services/S`. */
  service: string;
  /** Revision short names (`model-api-00001-abc`). */
  baselineRevision: string;
  canaryRevision: string;
  /** How long one traffic change may take to route. */
  timeoutMs: number;
  pollIntervalMs?: number;
  logger?: Logger;
}

const SERVICE = /^projects\/[^/]+\/locations\/[^/]+\/services\/[^/]+$/;
/** Cloud Run revision names: lowercase letters, digits and hyphens, a letter first, at most 63. */
const REVISION = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;

export class CloudRunRevisionShifter implements TrafficShifter {
  readonly name = 'cloud-run-revisions';

  constructor(
    private readonly api: CloudRunApi,
    readonly opts: CloudRunShifterOptions,
  ) {
    if (!SERVICE.test(opts.service)) throw new Error(`cloud run: service '${opts.service.slice(0, 100)}' must be projects/PROJECT/locations/REGION/services/NAME`);
    for (const k of ['baselineRevision', 'canaryRevision'] as const) {
      if (!REVISION.test(opts[k])) throw new Error(`cloud run: ${k} '${opts[k].slice(0, 100)}' must be a revision name (lowercase letters, digits, hyphens; at most 63)`);
    }
    if (opts.baselineRevision === opts.canaryRevision) throw new Error('cloud run: the baseline and canary revisions must differ');
  }

  async readWeight(): Promise<number> {
    return this.share(await readSplit(this.api, this.opts.service), this.opts.canaryRevision);
  }

  async setWeight(percent: number, signal?: AbortSignal): Promise<number> {
    if (!(Number.isInteger(percent) && percent >= 0 && percent <= 100)) throw new Error(`cloud run: weight ${percent} must be a whole percent from 0 to 100`);
    const now = await readSplit(this.api, this.opts.service);
    // Traffic on a third revision would be silently taken away by a two-way split: refuse, except
    // for 0 % (all to the baseline), which is what a rollback must always be able to do.
    const others = now.filter((t) => t.percent > 0 && t.revision !== this.opts.baselineRevision && t.revision !== this.opts.canaryRevision);
    if (others.length && percent > 0) {
      throw new Error(`cloud run: ${shortName(this.opts.service)} also sends traffic to ${others.map((t) => `${t.revision}=${t.percent}%`).join(', ')}; the canary gate splits between ${this.opts.baselineRevision} and ${this.opts.canaryRevision} only (move that traffic first)`);
    }
    const split = [
      { revision: this.opts.baselineRevision, percent: 100 - percent },
      { revision: this.opts.canaryRevision, percent },
    ].filter((e) => e.percent > 0);
    const r = await setSplit(this.api, this.opts.service, split, {
      timeoutMs: this.opts.timeoutMs,
      ...(this.opts.pollIntervalMs !== undefined ? { intervalMs: this.opts.pollIntervalMs } : {}),
      ...(signal ? { signal } : {}),
      ...(this.opts.logger ? { logger: this.opts.logger } : {}),
    });
    this.opts.logger?.info(`cloud run: ${formatSplit(r.after)}`);
    return this.share(r.after, this.opts.canaryRevision);
  }

  private share(split: ServingTarget[], revision: string): number {
    return split.filter((t) => t.revision === revision).reduce((a, t) => a + t.percent, 0);
  }
}
