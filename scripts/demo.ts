/**
 * The demo pipeline, on this machine only (no cloud, no Docker): trains a small scikit-learn model
 * and converts it to ONNX, gates it with the committed validate-model bundle (scan, signature, smoke
 * inference, metrics against production), then starts moto behind the ECS rollout layer, creates a
 * cluster and a service that runs model v1, and runs the committed deploy-ecs bundle as the GitHub
 * runner would — once to ship v2 (pinned by digest, with the gate's model digest in its
 * environment), once with a release whose tasks crash, which deploy-ecs rolls back. Prints each
 * step's job summary. Exit code 0 means every step did what it should.
 */
import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { awsEnv } from '../test/harness/aws-env';
import { createEcsFixture } from '../test/harness/ecs-fixtures';
import { startEcsLayer } from '../test/harness/ecs-layer';
import { startMoto } from '../test/harness/moto';
import { makeOnnxFixtures } from '../test/fixtures/onnx/fixtures';
import { runBundle } from '../test/run-bundle';

const say = (text: string) => process.stdout.write(`\n\x1b[1m▶ ${text}\x1b[0m\n`);

say('validate-model: gate the candidate model (scikit-learn → ONNX, made now)');
const models = makeOnnxFixtures();
const gate = await runBundle('validate-model', {
  inputs: {
    'model-path': models.classifier,
    metrics: models.metrics,
    'champion-metrics': models.champion,
    thresholds: 'accuracy >= champion - 0.01\nlatency_p95_ms <= 50',
    'model-name': 'iris-classifier',
    'model-version': '2',
  },
});
process.stdout.write(gate.summary);
if (gate.code !== 0 || gate.outputs.verdict !== 'pass') {
  say('demo: the model gate did not pass (see above)');
  process.exit(1);
}

const moto = await startMoto();
const layer = await startEcsLayer({ upstream: moto.url });
let ok = true;
try {
  say(`local AWS: moto ${moto.url}, behind the ECS rollout layer ${layer.url}`);
  const fx = await createEcsFixture(layer.url, { clusterName: 'ml-demo', serviceName: 'iris-classifier' });
  say(`service ${fx.serviceName} in cluster ${fx.clusterName} runs ${fx.taskDefinitionArn}`);
  const env = awsEnv(layer.url, { ML_DEPLOY_POLL_INTERVAL: '200ms' });
  const digest = `sha256:${'5e'.repeat(32)}`;

  say('deploy-ecs: ship model v2, pinned by digest');
  const good = await runBundle('deploy-ecs', {
    inputs: {
      cluster: fx.clusterName,
      service: fx.serviceName,
      image: `registry.example/iris-classifier@${digest}`,
      'environment-variables': `MODEL_VERSION=2\nMODEL_SHA256=${gate.outputs.sha256}`,
    },
    env,
  });
  process.stdout.write(good.stdout.replace(/^::[a-z-]+::.*$/gm, '').replace(/\n{2,}/g, '\n'));
  say('job summary');
  process.stdout.write(good.summary);
  ok &&= good.code === 0 && good.outputs['task-definition-arn']?.endsWith(':2') === true;

  say('deploy-ecs: ship a release whose tasks crash (the layer fails the rollout); deploy-ecs rolls back');
  layer.planDeployments(
    { cluster: fx.clusterName, service: fx.serviceName },
    { outcome: 'fail', steps: 2, failedTasks: 2, containerReason: 'OutOfMemoryError: Container killed due to memory usage' },
  );
  const bad = await runBundle('deploy-ecs', {
    inputs: { cluster: fx.clusterName, service: fx.serviceName, image: 'registry.example/iris-classifier:v3-broken', 'circuit-breaker': 'false' },
    env,
  });
  process.stdout.write(bad.stdout.replace(/\n{2,}/g, '\n'));
  say('job summary');
  process.stdout.write(bad.summary);
  const svc = await fx.client.send(new DescribeServicesCommand({ cluster: fx.clusterName, services: [fx.serviceName] }));
  const serving = svc.services?.[0]?.taskDefinition;
  say(`the service serves ${serving} again`);
  ok &&= bad.code === 1 && serving === good.outputs['task-definition-arn'];
} catch (err) {
  ok = false;
  process.stderr.write(`demo failed: ${(err as Error).stack ?? String(err)}\n`);
} finally {
  await layer.stop();
  await moto.stop();
}
say(ok ? 'demo: every step did what it should' : 'demo: something did not go as expected (see above)');
process.exit(ok ? 0 : 1);
