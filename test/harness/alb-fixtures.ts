/**
 * An Application Load Balancer on moto for traffic-shifting tests: a VPC with two subnets, the load
 * balancer, a baseline and a canary target group, and an HTTP listener forwarding all traffic to the
 * baseline (with stickiness, which shifters must keep).
 */
import { CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateListenerCommand, CreateLoadBalancerCommand, CreateTargetGroupCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';

export interface AlbFixture {
  elb: ElasticLoadBalancingV2Client;
  vpcId: string;
  loadBalancerArn: string;
  listenerArn: string;
  baselineTargetGroupArn: string;
  canaryTargetGroupArn: string;
}

export async function createAlb(endpoint: string, name = 'model'): Promise<AlbFixture> {
  const cfg = { region: 'us-east-1', endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const ec2 = new EC2Client(cfg);
  const elb = new ElasticLoadBalancingV2Client(cfg);
  const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!;
  const subnets = await Promise.all(
    ['10.0.1.0/24', '10.0.2.0/24'].map(async (CidrBlock, i) => (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock, AvailabilityZone: `us-east-1${'ab'[i]}` }))).Subnet!.SubnetId!),
  );
  const loadBalancerArn = (await elb.send(new CreateLoadBalancerCommand({ Name: name, Subnets: subnets }))).LoadBalancers![0]!.LoadBalancerArn!;
  const tg = async (n: string) => (await elb.send(new CreateTargetGroupCommand({ Name: `${name}-${n}`, Protocol: 'HTTP', Port: 8080, VpcId: vpcId, TargetType: 'ip' }))).TargetGroups![0]!.TargetGroupArn!;
  const baselineTargetGroupArn = await tg('blue');
  const canaryTargetGroupArn = await tg('green');
  const listenerArn = (
    await elb.send(
      new CreateListenerCommand({
        LoadBalancerArn: loadBalancerArn,
        Protocol: 'HTTP',
        Port: 80,
        DefaultActions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: baselineTargetGroupArn, Weight: 1 }], TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 300 } } }],
      }),
    )
  ).Listeners![0]!.ListenerArn!;
  return { elb, vpcId, loadBalancerArn, listenerArn, baselineTargetGroupArn, canaryTargetGroupArn };
}
