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
  escapeInline,
  md,
  runnerIO,
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

  it('hides every occurrence, not only the first', () => {
    const s = new SecretRegistry();
    s.add('hunter2');
    expect(s.redact('hunter2 then hunter2hunter2 and "hunter2"')).toBe('*** then ****** and "***"');
  });

  it('tells the runner about each secret once, and only real ones', () => {
    const told: string[] = [];
    const s = new SecretRegistry((v) => told.push(v));
    s.add('hunter2');
    s.add('hunter2');
    s.add('ab');
    s.add('');
    expect(told).toEqual(['hunter2']);
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

describe('runnerIO', () => {
  it('hands each call to the matching @actions/core function', async () => {
    const calls: string[] = [];
    const core = {
      getInput: (n: string) => `in:${n}`,
      setOutput: (n: string, v: string) => void calls.push(`out ${n}=${v}`),
      setSecret: (v: string) => void calls.push(`secret ${v}`),
      setFailed: (m: string) => void calls.push(`failed ${m}`),
      debug: (m: string) => void calls.push(`debug ${m}`),
      info: (m: string) => void calls.push(`info ${m}`),
      warning: (m: string) => void calls.push(`warning ${m}`),
      error: (m: string) => void calls.push(`error ${m}`),
      group: async <T>(name: string, fn: () => Promise<T>) => {
        calls.push(`group ${name}`);
        return fn();
      },
      summary: {
        addRaw: (text: string) => ({
          write: async () => {
            calls.push(`summary ${text}`);
          },
        }),
      },
    };
    const io = runnerIO(core);
    expect(io.getInput('cluster')).toBe('in:cluster');
    io.setOutput('revision', '3');
    io.setSecret('s3cret');
    io.setFailed('no');
    io.logger.debug('d');
    io.logger.info('i');
    io.logger.warning('w');
    io.logger.error('e');
    await expect(io.logger.group('G', async () => 9)).resolves.toBe(9);
    await io.appendSummary('## S');
    expect(calls).toEqual([
      'out revision=3',
      'secret s3cret',
      'failed no',
      'debug d',
      'info i',
      'warning w',
      'error e',
      'group G',
      'summary ## S',
    ]);
  });
});

describe('SummaryBuilder, every block', () => {
  it('renders headings, status lines, lists, code, details, with escaping', () => {
    const s = new SummaryBuilder()
      .heading('Deploy *x*', 3)
      .status('ok', 'deployed')
      .status('failed', 'f')
      .status('warning', 'w')
      .status('rolled-back', 'r')
      .status('cancelled', 'c')
      .list(['a|b', md('**m**'), 3])
      .list([])
      .code('x = 1', 'py')
      .code('has ``` inside')
      .details('<why>', 'body')
      .toString();
    expect(s).toBe(
      [
        '### Deploy \\*x\\*',
        '✅ deployed',
        '❌ f',
        '⚠️ w',
        '↩️ r',
        '⏹️ c',
        '- a\\|b\n- **m**\n- 3',
        '```py\nx = 1\n```',
        '````\nhas ``` inside\n````',
        '<details><summary>&lt;why&gt;</summary>\n\nbody\n\n</details>',
      ].join('\n\n') + '\n',
    );
  });

  it('is empty until something is added, and a default heading is level 2', () => {
    const s = new SummaryBuilder();
    expect(s.isEmpty()).toBe(true);
    expect(s.toString()).toBe('');
    s.heading('H');
    expect(s.isEmpty()).toBe(false);
    expect(s.toString()).toBe('## H\n');
  });

  it('turns new lines in cells into <br>, and code spans into one line', () => {
    const s = new SummaryBuilder().table(['a'], [['one\ntwo'], [md('x\r\ny')], [codeSpan('p\nq|r')], [codeSpan('has `tick`')]]).toString();
    expect(s).toBe('| a |\n| --- |\n| one<br>two |\n| x<br>y |\n| `p q\\|r` |\n| ``has `tick``` |\n');
  });

  it('escapes every markdown character that could inject markup', () => {
    expect(escapeInline('a\\b`c*d_e[f]g|h#i&j<k>')).toBe('a\\\\b\\`c\\*d\\_e\\[f\\]g\\|h\\#i&amp;j&lt;k&gt;');
  });
});

describe('annotations per step', () => {
  it('keeps within GitHub\'s 10 error annotations and never cuts off the verdict', async () => {
    const { io, failures } = fakeRunner({});
    const annotated: string[] = [];
    const plain: string[] = [];
    io.logger = { ...io.logger, error: (m) => annotated.push(m), warning: (m) => annotated.push(`w:${m}`), info: (m) => plain.push(m) };
    io.setFailed = (m) => {
      annotated.push(`verdict:${m}`);
      failures.push(m);
    };
    await runAction(
      {
        name: 'demo',
        parseInputs: () => ({}),
        async run(_inputs, ctx) {
          for (let i = 1; i <= 15; i++) ctx.logger.error(`reason ${i}`);
          throw new ConfigurationError('the deploy failed');
        },
      },
      io,
    );
    expect(annotated.filter((a) => !a.startsWith('w:'))).toHaveLength(10);
    expect(annotated.slice(0, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `reason ${i}`));
    expect(annotated[9]).toBe('verdict:demo: the deploy failed');
    expect(plain.filter((l) => /^error \(past GitHub's 10 annotations per step.*\): reason 1[0-5]$/.test(l))).toHaveLength(6);
  });
});
