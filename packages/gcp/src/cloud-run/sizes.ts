/**
 * Cloud Run's size rules: CPU and memory values it takes, and the combinations it refuses. Checked
 * on the inputs before any call, and again on the rendered revision (memory alone against the
 * service's CPU).
 */

/** Set by Cloud Run itself; a revision that sets them is refused. */
export const RESERVED_ENV = new Set(['PORT', 'K_SERVICE', 'K_REVISION', 'K_CONFIGURATION']);

/** Allowed CPU values: fractions up to 1, or 1, 2, 4, 6, 8. */
export function parseCpu(raw: string): { text: string; cores: number } | undefined {
  const v = raw.trim();
  let cores: number;
  if (/^\d+m$/.test(v)) cores = Number(v.slice(0, -1)) / 1000;
  else if (/^\d+(\.\d+)?$/.test(v)) cores = Number(v);
  else return undefined;
  if (cores < 0.08 || (cores > 1 && ![2, 4, 6, 8].includes(cores))) return undefined;
  return { text: v, cores };
}

/** Memory in Kubernetes quantity form (`512Mi`, `2Gi`, also `512M`, `2G`), in MiB; 128Mi to 32Gi. */
export function parseMemory(raw: string): { text: string; mib: number } | undefined {
  const m = /^(\d+(?:\.\d+)?)(Mi|Gi|M|G)$/.exec(raw.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const mib = m[2] === 'Gi' ? n * 1024 : m[2] === 'Mi' ? n : m[2] === 'G' ? (n * 1e9) / 2 ** 20 : (n * 1e6) / 2 ** 20;
  if (mib < 128 || mib > 32 * 1024) return undefined;
  return { text: raw.trim(), mib };
}

/**
 * Why Cloud Run would refuse this CPU and memory together, or undefined. From Cloud Run's limits:
 * more than 512 MiB needs 0.5 CPU, more than 1 GiB needs 1, more than 4 GiB needs 2, more than
 * 8 GiB needs 4, more than 16 GiB needs 6, more than 24 GiB needs 8; 4 CPU need at least 2 GiB,
 * 6 and 8 CPU at least 4 GiB.
 */
export function cpuMemoryProblem(cores: number, mib: number): string | undefined {
  const needs: Array<[number, number]> = [
    [24 * 1024, 8],
    [16 * 1024, 6],
    [8 * 1024, 4],
    [4 * 1024, 2],
    [1024, 1],
    [512, 0.5],
  ];
  for (const [above, cpu] of needs) {
    if (mib > above && cores < cpu) return `more than ${above >= 1024 ? `${above / 1024}Gi` : `${above}Mi`} of memory needs at least ${cpu} CPU`;
  }
  if (cores >= 6 && mib < 4096) return `${cores} CPU need at least 4Gi of memory`;
  if (cores >= 4 && mib < 2048) return `${cores} CPU need at least 2Gi of memory`;
  return undefined;
}

/** CPU cores of any Kubernetes CPU quantity ('4', '500m', '20'), without Cloud Run's value rules. */
export function cpuCores(raw: string): number | undefined {
  const v = raw.trim();
  if (/^\d+m$/.test(v)) return Number(v.slice(0, -1)) / 1000;
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v);
  return undefined;
}

/** MiB of any memory quantity ('16Gi', '512Mi', '80G'), without Cloud Run's range. */
export function memoryMiB(raw: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(Mi|Gi|M|G)$/.exec(raw.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === 'Gi' ? n * 1024 : m[2] === 'Mi' ? n : m[2] === 'G' ? (n * 1e9) / 2 ** 20 : (n * 1e6) / 2 ** 20;
}

/**
 * The least CPU and memory Cloud Run's GPU docs require per GPU type: an NVIDIA L4 needs 4 CPU and
 * 16 GiB; an NVIDIA RTX PRO 6000 Blackwell 20 CPU and 80 GiB. Other types are held to the L4's.
 */
export function gpuMinimum(type: string): { cpu: number; memoryGi: number } {
  return type === 'nvidia-rtx-pro-6000' ? { cpu: 20, memoryGi: 80 } : { cpu: 4, memoryGi: 16 };
}
