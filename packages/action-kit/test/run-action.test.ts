import { describe, expect, it } from '@jest/globals';
import {
  ConfigurationError,
  InputError,
  memoryLogger,
  type RunnerIO,
  runAction,
  SecretRegistry,
  SummaryBuilder,
  codeSpan,
  md,
} from '@ml-deploy/action-kit';

function fakeRunner(inputs: Record<string, string>) {
  const outputs: Record<string, string> = {};
  const masked: string[] = [];
  const failures: string[] = [];
  let summary = '';
  const logger = memoryLogger();
  const io: RunnerIO = {
    getInput: (n) => inputs[n] ?? '',
    setOutput: (n, v) => {
      outputs[n] = v;
    },
    setSecret: (v) => masked.push(v),
    appendSummary: async (m) => {
      summary += m;
    },
    setFailed: (m) => failures.push(m),
    logger,
  };
  return { io, outputs, masked, failures, logger, summary: () => summary };
}

describe('runAction', () => {
  it('parses, runs, sets outputs and writes the summary', async () => {
    const r = fakeRunner({ name: 'world', blank: '   ' });
    await runAction(
      {
        name: 'hello',
        parseInputs: (read) => ({ name: read('name'), blank: read('blank') }),
        async run(inputs, ctx) {
          expect(inputs.blank).toBeUndefined();
          ctx.setOutput('greeting', `hi ${inputs.name}`);
          ctx.setOutput('unset', undefined);
          ctx.summary.heading('Hello').paragraph('done');
        },
      },
      r.io,
    );
    expect(r.failures).toEqual([]);
    expect(r.outputs).toEqual({ greeting: 'hi world' });
    expect(r.summary()).toBe('## Hello\n\ndone\n');
  });

  it('reports user errors without blame, and still writes the summary', async () => {
    const r = fakeRunner({});
    await runAction(
      {
        name: 'deploy-x',
        parseInputs: () => ({}),
        async run(_i, ctx) {
          ctx.summary.status('failed', 'nope');
          throw new ConfigurationError('permission ecs:UpdateService is missing');
        },
      },
      r.io,
    );
    expect(r.failures).toEqual(['deploy-x: permission ecs:UpdateService is missing']);
    expect(r.summary()).toContain('❌ nope');
  });

  it('input errors fail before run', async () => {
    const r = fakeRunner({ timeout: '30' });
    let ran = false;
    await runAction(
      {
        name: 'a',
        parseInputs: (read) => {
          throw new InputError('timeout', read('timeout')!, 'a duration');
        },
        async run() {
          ran = true;
        },
      },
      r.io,
    );
    expect(ran).toBe(false);
    expect(r.failures).toEqual([`a: input 'timeout': got "30", expected a duration`]);
  });

  it('marks our own failures as such and handles non-Error throws', async () => {
    const r = fakeRunner({});
    await runAction({ name: 'a', parseInputs: () => ({}), run: async () => Promise.reject('a string') }, r.io);
    expect(r.failures).toEqual(['a failed: a string']);
  });

  it('masks secrets with the runner and scrubs them from outputs, failures and the summary', async () => {
    const r = fakeRunner({ token: 's3cr3t-token-value' });
    await runAction(
      {
        name: 'a',
        parseInputs: (read, secrets) => {
          const token = read('token')!;
          secrets.add(token);
          return { token };
        },
        async run(inputs, ctx) {
          ctx.summary.paragraph(`used ${inputs.token}`);
          ctx.setOutput('echo', `x${inputs.token}x`);
          throw new Error(`server said: bad token ${inputs.token}`);
        },
      },
      r.io,
    );
    expect(r.masked).toEqual(['s3cr3t-token-value']);
    const everything = JSON.stringify([r.outputs, r.failures, r.summary(), r.logger.lines]);
    expect(everything).not.toContain('s3cr3t-token-value');
    expect(r.failures[0]).toBe('a failed: server said: bad token ***');
    expect(r.outputs.echo).toBe('x***x');
  });
});

describe('SecretRegistry', () => {
  it('hides the longest secret first and ignores tiny values', () => {
    const s = new SecretRegistry();
    s.add('abc');
    s.add('abcdef');
    s.add('x');
    s.add(undefined);
    expect(s.redact('abcdef abc x')).toBe('*** *** x');
  });
});

describe('SummaryBuilder', () => {
  it('escapes cloud text in tables so it cannot break them or inject markup', () => {
    const s = new SummaryBuilder().table(['Event', 'Note'], [['a|b <script>', md('**ok**')], [codeSpan('x|y'), 3]]).toString();
    expect(s).toBe('| Event | Note |\n| --- | --- |\n| a\\|b &lt;script&gt; | **ok** |\n| `x\\|y` | 3 |\n');
  });

  it('key/value tables skip empty rows', () => {
    const s = new SummaryBuilder().keyValues([['A', '1'], ['B', undefined], ['C', '']]).toString();
    expect(s).toBe('|  |  |\n| --- | --- |\n| **A** | 1 |\n');
  });
});
