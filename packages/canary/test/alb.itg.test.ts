/**
 * AlbWeightedShifter against moto's ELBv2 (which stores and returns ForwardConfig weights; it does
 * not route traffic, so only the configuration is checked here): weights set on a listener and on a
 * listener rule are read back; other actions and stickiness stay.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { CreateRuleCommand, DescribeListenersCommand, type ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { createAlb } from '@ml-deploy/test/harness/alb-fixtures';
import { type MotoServer, startMoto } from '@ml-deploy/test/harness/moto';
import { AlbWeightedShifter } from '../src/shifters/alb';

let moto: MotoServer;
let elb: ElasticLoadBalancingV2Client;
let listenerArn: string;
let ruleArn: string;
let baseline: string;
let canary: string;

beforeAll(async () => {
  moto = await startMoto();
  const alb = await createAlb(moto.url);
  ({ elb, listenerArn, baselineTargetGroupArn: baseline, canaryTargetGroupArn: canary } = alb);
  ruleArn = (
    await elb.send(
      new CreateRuleCommand({ ListenerArn: listenerArn, Priority: 10, Conditions: [{ Field: 'path-pattern', Values: ['/predict'] }], Actions: [{ Type: 'forward', TargetGroupArn: baseline }] }),
    )
  ).Rules![0]!.RuleArn!;
}, 60_000);

afterAll(async () => {
  await moto?.stop();
});

it('sets and reads back the canary weight on a listener, keeping stickiness', async () => {
  const s = new AlbWeightedShifter(elb, { listenerOrRuleArn: listenerArn, baselineTargetGroupArn: baseline, canaryTargetGroupArn: canary });
  expect(await s.readWeight()).toBe(0);
  expect(await s.setWeight(25)).toBe(25);
  const l = (await elb.send(new DescribeListenersCommand({ ListenerArns: [listenerArn] }))).Listeners![0]!;
  const fc = l.DefaultActions![0]!.ForwardConfig!;
  expect(fc.TargetGroups).toEqual(expect.arrayContaining([{ TargetGroupArn: baseline, Weight: 75 }, { TargetGroupArn: canary, Weight: 25 }]));
  expect(fc.TargetGroupStickinessConfig).toMatchObject({ Enabled: true, DurationSeconds: 300 });
  expect(await s.setWeight(0)).toBe(0);
  expect(await s.setWeight(100)).toBe(100);
});

it('sets weights on a listener rule too, and refuses a weight that is not a whole percent', async () => {
  const s = new AlbWeightedShifter(elb, { listenerOrRuleArn: ruleArn, baselineTargetGroupArn: baseline, canaryTargetGroupArn: canary });
  expect(await s.readWeight()).toBe(0);
  expect(await s.setWeight(5)).toBe(5);
  await expect(s.setWeight(2.5)).rejects.toThrow(/weight 2\.5 must be a whole percent/);
  expect(() => new AlbWeightedShifter(elb, { listenerOrRuleArn: ruleArn, baselineTargetGroupArn: baseline, canaryTargetGroupArn: baseline })).toThrow(/must differ/);
});
