/** The serving tests' models: the shared ONNX fixtures (iris classifier) plus make_models.py's. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { makeOnnxFixtures, type OnnxFixtures } from '../../../test/fixtures/onnx/fixtures';

export interface ServingModels extends OnnxFixtures {
  warmup_fails: string;
  two_inputs: string;
}

/** `PYTHON`, else `python3` on PATH (scripts/test.sh puts .venv/bin first). */
export function python(): string {
  return process.env.PYTHON ?? 'python3';
}

export function makeServingModels(): ServingModels {
  const shared = makeOnnxFixtures();
  const r = spawnSync(python(), [fileURLToPath(new URL('./make_models.py', import.meta.url)), shared.dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`make_models.py failed: ${r.stderr || r.error?.message}`);
  return { ...shared, ...(JSON.parse(r.stdout) as { warmup_fails: string; two_inputs: string }) };
}

/** Parses Prometheus text with the Python client's parser (prometheus_client), the reference reader. */
export function parsePrometheus(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  const code = `
import json, sys
from prometheus_client.parser import text_string_to_metric_families
out = []
for fam in text_string_to_metric_families(sys.stdin.read()):
    for s in fam.samples:
        out.append({"name": s.name, "labels": s.labels, "value": s.value, "type": fam.type})
print(json.dumps(out))
`;
  const r = spawnSync(python(), ['-c', code], { input: text, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`prometheus_client could not parse the metrics:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}
