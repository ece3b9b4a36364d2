/**
 * AlbWeightedShifter against moto's ELBv2 (which stores and returns ForwardConfig weights; it does
 * not route traffic, so only the configuration is checked here): weights set on a listener and on a
 * listener rule are read back; other actions and stickiness stay.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { CreateVpcCommand, CreateSubnetCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DescribeListenersCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
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
  const cfg = { region: 'us-east-1', endpoint: moto.url, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const ec2 = new EC2Client(cfg);
  elb = new ElasticLoadBalancingV2Client(cfg);
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!;
  const subnets = await Promise.all(
    ['10.0.1.0/24', '10.0.2.0/24'].map(async (CidrBlock, i) => (await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock, AvailabilityZone: `us-east-1${'ab'[i]}` }))).Subnet!.SubnetId!),
  );
  const lb = (await elb.send(new CreateLoadBalancerCommand({ Name: 'model', Subnets: subnets }))).LoadBalancers![0]!.LoadBalancerArn!;
  const tg = async (Name: string) => (await elb.send(new CreateTargetGroupCommand({ Name, Protocol: 'HTTP', Port: 8080, VpcId: vpc, TargetType: 'ip' }))).TargetGroups![0]!.TargetGroupArn!;
  baseline = await tg('model-blue');
  canary = await tg('model-green');
  listenerArn = (
    await elb.send(
      new CreateListenerCommand({
        LoadBalancerArn: lb,
        Protocol: 'HTTP',
        Port: 80,
        DefaultActions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: baseline, Weight: 1 }], TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 300 } } }],
      }),
    )
  ).Listeners![0]!.ListenerArn!;
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
