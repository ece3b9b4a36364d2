/**
 * mode run's recording: every interval's observation, one JSON line each, appended as soon as it
 * is analysed (a cancelled or dead run keeps every interval it saw). The lines are the format
 * `mode: analyze` reads (`+Inf` for an open bucket), so a run can be replayed and its policy tuned.
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { IntervalObservation } from '@ml-deploy/canary';

export interface Recording {
  readonly path: string;
  append(o: IntervalObservation): Promise<void>;
}

/** One line of the recording: what `parseObservations` reads back to the same observation. */
export function observationLine(o: IntervalObservation): string {
  return JSON.stringify(o, (_k, v: unknown) => (v === Infinity ? '+Inf' : v));
}

/** Creates (or empties) `path` and returns an appender for it. */
export async function openRecording(path: string): Promise<Recording> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, '');
  return {
    path,
    append: (o) => appendFile(path, `${observationLine(o)}\n`),
  };
}
