import { describe, expect, it } from '@jest/globals';
import type { Service } from '@aws-sdk/client-ecs';
import { UserError } from '@ml-deploy/action-kit';
import { planServiceConfiguration } from '@ml-deploy/aws';

const LB = { targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1', containerName: 'app', containerPort: 80 };
const ADVANCED = {
  alternateTargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/2',
  productionListenerRule: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/w/1/2/3',
  roleArn: 'arn:aws:iam::123456789012:role/lb',
};
const svc = (over: Partial<Service> = {}): Service => ({ serviceName: 'api', deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 }, ...over });

describe('planServiceConfiguration: what deploy-ecs changes on the service', () => {
  it('circuit-breaker keep changes nothing and sends no deploymentConfiguration', () => {
    const withBreaker = svc({ deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } });
    for (const s of [svc(), withBreaker]) {
      expect(planServiceConfiguration(s, 'keep', {})).toEqual({ deploymentConfiguration: undefined, loadBalancers: undefined, changes: [], strategy: 'ROLLING' });
    }
  });

  it('on turns the breaker on with rollback, keeping the rest; on when it is on changes nothing', () => {
    const p = planServiceConfiguration(svc(), 'on', {});
    expect(p.deploymentConfiguration).toEqual({ maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: true } });
    expect(p.changes).toEqual(['circuit breaker: off → on (rollback)']);
    const on = svc({ deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } });
    expect(planServiceConfiguration(on, 'on', {}).deploymentConfiguration).toBeUndefined();
  });

  it('off turns an enabled breaker off (the old boolean input could not)', () => {
    const on = svc({ deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } } });
    const p = planServiceConfiguration(on, 'off', {});
    expect(p.deploymentConfiguration?.deploymentCircuitBreaker).toEqual({ enable: false, rollback: false });
    expect(p.changes).toEqual(['circuit breaker: on (no rollback) → off']);
    expect(planServiceConfiguration(svc(), 'off', {}).deploymentConfiguration).toBeUndefined();
  });

  it('sets a strategy with its settings and the load balancer advanced configuration, each change listed', () => {
    const p = planServiceConfiguration(svc({ loadBalancers: [LB] }), 'keep', {
      strategy: 'CANARY',
      bakeTimeInMinutes: 10,
      canaryPercent: 10,
      advancedConfiguration: ADVANCED,
    });
    expect(p.strategy).toBe('CANARY');
    expect(p.deploymentConfiguration).toMatchObject({ strategy: 'CANARY', bakeTimeInMinutes: 10, canaryConfiguration: { canaryPercent: 10 } });
    expect(p.loadBalancers).toEqual([{ ...LB, advancedConfiguration: ADVANCED }]);
    expect(p.changes).toEqual([
      'strategy: ROLLING → CANARY',
      'bake time: (unset) → 10 min',
      'canary: (unset) → 10 % for 10 min',
      expect.stringMatching(/^load balancer .*blue\/1: advanced configuration set/),
    ]);
  });

  it('keeps a strategy the service already has, and refuses one without a load balancer to shift', () => {
    const bg = svc({ loadBalancers: [{ ...LB, advancedConfiguration: ADVANCED }], deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 } });
    expect(planServiceConfiguration(bg, 'keep', {})).toMatchObject({ strategy: 'BLUE_GREEN', changes: [], deploymentConfiguration: undefined });
    expect(() => planServiceConfiguration(svc({ loadBalancers: [LB] }), 'keep', { strategy: 'LINEAR' })).toThrow(UserError);
    expect(() => planServiceConfiguration(svc(), 'keep', { advancedConfiguration: ADVANCED })).toThrow(/has no load balancer/);
  });
});
