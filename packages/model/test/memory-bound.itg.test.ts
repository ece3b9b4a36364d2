/**
 * Memory that does not grow with the pickle's object count (issue 9): object-heavy pickles written
 * by the standard pickler at two sizes, 8x apart, each scanned in a fresh child process. Peak RSS
 * of the larger must stay within a constant of the smaller. Before the bounded walker the memo
 * and the values it held grew about 22x the file size (+300 MiB here). The constant is V8's young
 * generation, which grows to its fixed maximum over a long allocation-heavy run whatever the live
 * data; bench/model-scan shows the plateau on files of hundreds of MB. (A bound, not a timing.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from '@jest/globals';
import { REPO_ROOT, python } from './fixtures';

const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ml-deploy-object-heavy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SHAPES = ['dicts-tuples', 'nested', 'strings', 'objects'];
const make = (mb: number): void => {
  execFileSync(python(), [join(REPO_ROOT, 'test', 'fixtures', 'model', 'make_object_heavy.py'), dir, String(mb), ...SHAPES], { stdio: ['ignore', 'ignore', 'inherit'] });
};
make(2);
make(16);

function peak(file: string): { rssMiB: number; findings: string[] } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'rss-child.mts'), file], { cwd: REPO_ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() as string) as { rssMiB: number; findings: string[] };
}

describe('peak RSS does not grow with the object count', () => {
  test.each(SHAPES)('%s: 16 MB costs at most 40 MiB more than 2 MB, and both pass clean', (shape) => {
    const small = peak(join(dir, `${shape}-2mb.pkl`));
    const large = peak(join(dir, `${shape}-16mb.pkl`));
    const gate = (r: { findings: string[] }) => r.findings.filter((f) => /^(dangerous|unknown-import|malformed) /.test(f));
    expect([gate(small), gate(large)]).toEqual([[], []]);
    expect(large.rssMiB - small.rssMiB).toBeLessThan(40);
  });
});
