/**
 * The ignore file: accepted vulnerabilities, each with a reason and an expiry date.
 *
 *   ignores:
 *     - id: CVE-2021-41495
 *       package: numpy            # optional: only in this package
 *       reason: not reachable: we never call numpy.sort on object arrays
 *       expires: 2027-03-31       # YYYY-MM-DD; after this day the entry fails the run
 *
 * YAML or JSON. An entry without a reason or expiry, or with a date that is not a real day, is an
 * error naming the entry, so a silent blanket exception cannot get in.
 */
import { parse } from 'yaml';

export interface IgnoreEntry {
  id: string;
  package?: string;
  reason: string;
  /** `YYYY-MM-DD`. */
  expires: string;
}

export function parseIgnoreFile(path: string, text: string): IgnoreEntry[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new Error(`${path}: not valid YAML or JSON (${(err as Error).message.split('\n')[0]})`);
  }
  const list = (doc as { ignores?: unknown } | null)?.ignores;
  if (doc === null || doc === undefined) return [];
  if (!Array.isArray(list)) throw new Error(`${path}: expected a top-level 'ignores' list`);
  return list.map((raw, i) => {
    const where = `${path}: ignores[${i}]`;
    if (typeof raw !== 'object' || raw === null) throw new Error(`${where}: expected a mapping with id, reason and expires`);
    const e = raw as Record<string, unknown>;
    const id = typeof e.id === 'string' ? e.id.trim() : '';
    if (!/^[A-Za-z][A-Za-z0-9._:-]+$/.test(id)) throw new Error(`${where}.id: got ${JSON.stringify(e.id ?? '')}, expected a vulnerability ID such as CVE-2024-1234 or GHSA-xxxx-xxxx-xxxx`);
    const reason = typeof e.reason === 'string' ? e.reason.trim() : '';
    if (reason.length < 10) throw new Error(`${where}.reason: got ${JSON.stringify(e.reason ?? '')}, expected why it is accepted (at least 10 characters)`);
    const expires = e.expires instanceof Date ? e.expires.toISOString().slice(0, 10) : typeof e.expires === 'string' ? e.expires.trim() : '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(expires) || Number.isNaN(Date.parse(`${expires}T00:00:00Z`)) || new Date(`${expires}T00:00:00Z`).toISOString().slice(0, 10) !== expires) {
      throw new Error(`${where}.expires: got ${JSON.stringify(e.expires ?? '')}, expected a date YYYY-MM-DD after which the entry stops applying`);
    }
    const out: IgnoreEntry = { id, reason, expires };
    if (typeof e.package === 'string' && e.package.trim() !== '') out.package = e.package.trim();
    return out;
  });
}
