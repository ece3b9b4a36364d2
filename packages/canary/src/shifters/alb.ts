/**
 * Traffic shifter: two services (e.g. ECS services) behind an Application Load Balancer, each in its
 * own target group, split by the weights of the listener's (or a listener rule's) forward action.
 * Only the forward action's target-group weights change; other actions (authentication, fixed
 * responses) and the stickiness setting stay as they are. What it returns is read back from the
 * load balancer after the change.
 */
import {
  type Action,
  DescribeListenersCommand,
  DescribeRulesCommand,
  type ElasticLoadBalancingV2Client,
  ModifyListenerCommand,
  ModifyRuleCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { TrafficShifter } from '../interfaces';

export interface AlbShifterOptions {
  /** Listener ARN (its default actions) or listener rule ARN (`:listener-rule/`). */
  listenerOrRuleArn: string;
  baselineTargetGroupArn: string;
  canaryTargetGroupArn: string;
}

/** ELBv2 accepts target-group weights 0-999; percent weights fit. */
export class AlbWeightedShifter implements TrafficShifter {
  readonly name = 'alb-weighted-target-groups';
  private readonly isRule: boolean;

  constructor(
    private readonly elb: ElasticLoadBalancingV2Client,
    readonly opts: AlbShifterOptions,
  ) {
    this.isRule = opts.listenerOrRuleArn.includes(':listener-rule/');
    if (!/^arn:aws[a-z-]*:elasticloadbalancing:/.test(opts.listenerOrRuleArn)) throw new Error(`alb: '${opts.listenerOrRuleArn.slice(0, 100)}' must be a listener or listener rule ARN`);
    for (const k of ['baselineTargetGroupArn', 'canaryTargetGroupArn'] as const) {
      if (!/^arn:aws[a-z-]*:elasticloadbalancing:.*:targetgroup\//.test(opts[k])) throw new Error(`alb: ${k} '${opts[k].slice(0, 100)}' must be a target group ARN`);
    }
    if (opts.baselineTargetGroupArn === opts.canaryTargetGroupArn) throw new Error('alb: the baseline and canary target groups must differ');
  }

  async readWeight(signal?: AbortSignal): Promise<number> {
    return canaryShare(await this.actions(signal), this.opts);
  }

  async setWeight(percent: number, signal?: AbortSignal): Promise<number> {
    if (!(Number.isInteger(percent) && percent >= 0 && percent <= 100)) throw new Error(`alb: weight ${percent} must be a whole percent from 0 to 100`);
    const actions = await this.actions(signal);
    const forward = actions.findIndex((a) => a.Type === 'forward');
    if (forward < 0) throw new Error(`alb: ${this.opts.listenerOrRuleArn} has no forward action to split`);
    const current = actions[forward]!;
    const next: Action[] = actions.map((a, i) =>
      i !== forward
        ? a
        : {
            Type: 'forward',
            ...(current.Order !== undefined ? { Order: current.Order } : {}),
            ForwardConfig: {
              TargetGroups: [
                { TargetGroupArn: this.opts.baselineTargetGroupArn, Weight: 100 - percent },
                { TargetGroupArn: this.opts.canaryTargetGroupArn, Weight: percent },
              ],
              ...(current.ForwardConfig?.TargetGroupStickinessConfig ? { TargetGroupStickinessConfig: current.ForwardConfig.TargetGroupStickinessConfig } : {}),
            },
          },
    );
    const opts = { abortSignal: signal };
    if (this.isRule) await this.elb.send(new ModifyRuleCommand({ RuleArn: this.opts.listenerOrRuleArn, Actions: next }), opts);
    else await this.elb.send(new ModifyListenerCommand({ ListenerArn: this.opts.listenerOrRuleArn, DefaultActions: next }), opts);
    return this.readWeight(signal);
  }

  private async actions(signal?: AbortSignal): Promise<Action[]> {
    const opts = { abortSignal: signal };
    if (this.isRule) {
      const r = await this.elb.send(new DescribeRulesCommand({ RuleArns: [this.opts.listenerOrRuleArn] }), opts);
      const rule = r.Rules?.[0];
      if (!rule) throw new Error(`alb: rule ${this.opts.listenerOrRuleArn} not found`);
      return rule.Actions ?? [];
    }
    const l = await this.elb.send(new DescribeListenersCommand({ ListenerArns: [this.opts.listenerOrRuleArn] }), opts);
    const listener = l.Listeners?.[0];
    if (!listener) throw new Error(`alb: listener ${this.opts.listenerOrRuleArn} not found`);
    return listener.DefaultActions ?? [];
  }
}

/** The canary's share in percent from a forward action's weights (a plain TargetGroupArn is all-or-nothing). */
function canaryShare(actions: Action[], o: AlbShifterOptions): number {
  const forward = actions.find((a) => a.Type === 'forward');
  if (!forward) throw new Error('alb: no forward action');
  const groups = forward.ForwardConfig?.TargetGroups ?? (forward.TargetGroupArn ? [{ TargetGroupArn: forward.TargetGroupArn, Weight: 1 }] : []);
  let canary = 0;
  let total = 0;
  for (const g of groups) {
    const w = g.Weight ?? 1;
    total += w;
    if (g.TargetGroupArn === o.canaryTargetGroupArn) canary += w;
    else if (g.TargetGroupArn !== o.baselineTargetGroupArn) throw new Error(`alb: the forward action also sends traffic to ${g.TargetGroupArn}, which is neither the baseline nor the canary`);
  }
  return total > 0 ? Math.round((100 * canary) / total) : 0;
}
