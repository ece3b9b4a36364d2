/**
 * The CPU and memory combinations Fargate offers (Linux), from the "Task CPU and memory" table of
 * the Amazon ECS Developer Guide. A task definition that requires FARGATE with any other pair
 * registers fine but never starts a task, so it is refused before anything is registered.
 */

/** Task CPU units → the memory sizes (MiB) Fargate offers with it. */
const FARGATE_SIZES: ReadonlyArray<{ cpu: number; min: number; max: number; step: number; only?: number[] }> = [
  { cpu: 256, min: 512, max: 2048, step: 0, only: [512, 1024, 2048] },
  { cpu: 512, min: 1024, max: 4096, step: 1024 },
  { cpu: 1024, min: 2048, max: 8192, step: 1024 },
  { cpu: 2048, min: 4096, max: 16384, step: 1024 },
  { cpu: 4096, min: 8192, max: 30720, step: 1024 },
  { cpu: 8192, min: 16384, max: 61440, step: 4096 },
  { cpu: 16384, min: 32768, max: 122880, step: 8192 },
];

/** CPU units from a task definition's `cpu` ('1024', '1 vCPU', '0.25 vcpu'); undefined if unreadable. */
export function cpuUnits(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] ? Math.round(n * 1024) : Number.isInteger(n) ? n : undefined;
}

/** MiB from a task definition's `memory` ('2048', '2 GB', '0.5GB'); undefined if unreadable. */
export function memoryMiB(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(gb)?\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] ? Math.round(n * 1024) : Number.isInteger(n) ? n : undefined;
}

function memoriesFor(size: (typeof FARGATE_SIZES)[number]): number[] {
  if (size.only) return size.only;
  const out: number[] = [];
  for (let m = size.min; m <= size.max; m += size.step) out.push(m);
  return out;
}

function describeMemories(size: (typeof FARGATE_SIZES)[number]): string {
  if (size.only) return size.only.join(', ');
  return `${size.min} to ${size.max} in steps of ${size.step}`;
}

/**
 * Why `cpu`/`memory` is not a Fargate size, or undefined when it is. Both are the task
 * definition's strings; the answer names the pairs Fargate offers.
 */
export function fargateSizeProblem(cpu: string, memory: string): string | undefined {
  const units = cpuUnits(cpu);
  const mib = memoryMiB(memory);
  const cpus = FARGATE_SIZES.map((s) => s.cpu).join(', ');
  if (units === undefined) return `cpu ${JSON.stringify(cpu)} is not a number of CPU units (such as '1024') or vCPUs ('1 vCPU')`;
  if (mib === undefined) return `memory ${JSON.stringify(memory)} is not a number of MiB (such as '2048') or GB ('2 GB')`;
  const size = FARGATE_SIZES.find((s) => s.cpu === units);
  if (!size) return `Fargate offers task CPU of ${cpus} units, not ${units}`;
  if (!memoriesFor(size).includes(mib)) {
    return `Fargate does not offer ${units} CPU units with ${mib} MiB of memory; with ${units} CPU units it offers ${describeMemories(size)} MiB`;
  }
  return undefined;
}
