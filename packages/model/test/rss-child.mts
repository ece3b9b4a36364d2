/**
 * Child process of memory-bound.itg.test.ts: scans one file with the real scanner and prints
 * {"rssMiB": peak resident set size, "findings": [...]} as one JSON line.
 */
import { scanModel } from '../src/scan';

const r = await scanModel(process.argv[2] as string);
process.stdout.write(`${JSON.stringify({ rssMiB: process.resourceUsage().maxRSS / 1024, findings: r.findings.map((f) => `${f.severity} ${f.rule}`) })}\n`);
