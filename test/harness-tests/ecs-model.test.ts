/** The ECS service model check the ECS layer runs on every request and response it serves. */
import { describe, expect, it } from '@jest/globals';
import { loadEcsModel } from '@ml-deploy/test/harness/ecs-model';
import { isFinished, newServiceDeployment, renderBrief, renderServiceDeployment, stepServiceDeployment } from '@ml-deploy/test/harness/ecs-strategies';

const model = loadEcsModel();
const SERVICE = 'arn:aws:ecs:us-east-1:123456789012:service/ml-cluster/model-svc';

describe('ECS service model check', () => {
  it('catches a misspelled member, naming its path and the members the shape has', () => {
    const problems = model.checkOutput('DescribeServices', { services: [{ serviceName: 'a', deployments: [{ id: 'ecs-svc/1', rolloutStat: 'COMPLETED' }] }] });
    expect(problems).toEqual([expect.stringMatching(/^response\.services\[0\]\.deployments\[0\]\.rolloutStat: not a member of Deployment \(members: .*rolloutState/)]);
  });

  it('catches an enum value ECS does not have, a wrong type, a missing required member', () => {
    expect(model.checkInput('UpdateService', { service: 's', deploymentConfiguration: { strategy: 'BLUEGREEN' } })).toEqual([
      expect.stringMatching(/request\.deploymentConfiguration\.strategy: 'BLUEGREEN' is not one of DeploymentStrategy: ROLLING, BLUE_GREEN, LINEAR, CANARY/),
    ]);
    expect(model.checkInput('StopServiceDeployment', { stopType: 'ROLLBACK' })).toEqual(['request.serviceDeploymentArn: required by StopServiceDeploymentRequest, missing']);
    expect(model.checkOutput('DescribeServiceDeployments', { serviceDeployments: [{ createdAt: '2026-01-01' }] })).toEqual([
      expect.stringMatching(/createdAt: expected a timestamp in epoch seconds/),
    ]);
  });

  it("the layer's service deployments match the model in every state they reach", () => {
    const sd = newServiceDeployment({
      serviceArn: SERVICE,
      clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/ml-cluster',
      strategy: 'CANARY',
      config: { strategy: 'CANARY', bakeTimeInMinutes: 5, canaryConfiguration: { canaryPercent: 10 }, lifecycleHooks: [{ hookTargetArn: 'arn:aws:lambda:us-east-1:123456789012:function:h', roleArn: 'arn:aws:iam::123456789012:role/r', lifecycleStages: ['POST_SCALE_UP'] }] },
      script: { outcome: 'complete', bakeSteps: 1 },
      deploymentId: 'ecs-svc/1',
      targetTaskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/f:2',
      sourceTaskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/f:1',
      sourceRevisionArn: 'arn:aws:ecs:us-east-1:123456789012:service-revision/ml-cluster/model-svc/1',
      desiredCount: 2,
      now: 1,
    });
    const statuses = new Set<string>();
    for (let t = 2; !isFinished(sd); t++) {
      expect(model.checkOutput('DescribeServiceDeployments', { serviceDeployments: [renderServiceDeployment(sd)], failures: [] })).toEqual([]);
      expect(model.checkOutput('ListServiceDeployments', { serviceDeployments: [renderBrief(sd)] })).toEqual([]);
      statuses.add(`${sd.status} ${sd.phases[sd.phase]?.stage ?? ''}`);
      stepServiceDeployment(sd, t, true);
    }
    expect(model.checkOutput('DescribeServiceDeployments', { serviceDeployments: [renderServiceDeployment(sd)] })).toEqual([]);
    expect(statuses.size).toBeGreaterThan(10);
  });
});
