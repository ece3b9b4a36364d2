/**
 * The Cloud Run fake as a standalone local sandbox, for running the starter workflow with act:
 *
 *   node_modules/.bin/tsx test/harness/cloud-run-fake-cli.ts --port 8089 [--seed PROJECT/REGION/SERVICE ...]
 *
 * `--seed` creates a service whose first revision is Ready and serves 100 %. Prints the endpoint
 * when it listens; stops on SIGINT/SIGTERM. Every request is checked against the protos inside
 * @google-cloud/run and a request that breaks them gets a 400, as from the real API.
 */
import { parseArgs } from 'node:util';
import { startCloudRunFake } from './cloud-run-fake';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '8089' }, seed: { type: 'string', multiple: true, default: [] } },
});
const fake = await startCloudRunFake({ port: Number(values.port) });
for (const s of values.seed ?? []) {
  const [project, region, service] = s.split('/');
  if (!project || !region || !service) throw new Error(`--seed ${s}: expected PROJECT/REGION/SERVICE`);
  fake.seedService(project, region, service);
}
console.log(`cloud-run-fake listening on ${fake.url}`);
const stop = () => {
  void fake.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
