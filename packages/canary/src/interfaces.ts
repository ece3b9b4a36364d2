import type { ArmObservation } from './analysis';

/**
 * A metric provider answers, for one arm and one window, the counts the analysis needs. Both arms are
 * queried for the same window. `null` means the provider has no series for that arm in the window
 * (the no-data policy decides what follows); an error means the provider could not be asked.
 */
export interface MetricProvider {
  readonly name: string;
  observe(arm: 'baseline' | 'canary', window: { start: Date; end: Date }, signal?: AbortSignal): Promise<ArmObservation | null>;
}

/**
 * A traffic shifter moves a share of traffic to the canary and reads back what the platform serves.
 * One file per target (Cloud Run revisions, ECS native strategies, two ECS services behind an ALB...).
 */
export interface TrafficShifter {
  readonly name: string;
  /** Sets the canary's share (0-100, whole percent) and returns the share the platform reports after. */
  setWeight(percent: number, signal?: AbortSignal): Promise<number>;
  /** The canary's share as the platform reports it now. */
  readWeight(signal?: AbortSignal): Promise<number>;
  /**
   * For a platform that moves traffic on its own schedule: throws (naming the input to change) when
   * the analysis plan cannot follow it. Called before any interval; changes nothing.
   */
  checkPlan?(plan: AnalysisPlan, signal?: AbortSignal): Promise<string[]>;
}

/** What the gate intends: its steps and how long it analyses each. */
export interface AnalysisPlan {
  steps: number[];
  intervalsPerStep: number;
  intervalMs: number;
}
