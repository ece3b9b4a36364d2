/**
 * Tiny CLI over scanModel for the benchmark (bundled with ncc, run with Node 24):
 *   node scan-cli.js [--json] [--allow module.name] PATH...
 * Prints one JSON report per path (--json) or one line per path (path, format, sha256, size,
 * bytes read, finding counts, dangerous imports), and exits 1 when any
 * dangerous finding was made (the same convention picklescan uses).
 */
import { scanModel } from '@ml-deploy/model/scan';


const args = process.argv.slice(2);
const json = args.includes('--json');
const allow: string[] = [];
const paths: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i] as string;
  if (a === '--json') continue;
  if (a === '--allow') allow.push(args[++i] as string);
  else paths.push(a);
}
let dangerous = false;
for (const p of paths) {
  const r = await scanModel(p, { allow });
  const d = r.findings.filter((f) => f.severity === 'dangerous');
  if (d.length > 0) dangerous = true;
  if (json) process.stdout.write(JSON.stringify(r) + '\n');
  else {
    const counts: Record<string, number> = {};
    for (const f of r.findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
    process.stdout.write(`${p}\t${r.format}\t${r.sha256}\t${r.size}\t${r.bytesScanned}\t${JSON.stringify(counts)}\t${[...new Set(d.map((f) => f.import ?? f.rule))].join(',')}\n`);
  }
}
process.exitCode = dangerous ? 1 : 0;
