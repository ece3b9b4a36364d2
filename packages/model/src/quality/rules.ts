/**
 * The quality gate's rule language, one rule per line:
 *
 *   rule   := metric op right
 *   metric := name ('.' name)*           dotted path into the metrics JSON; or "quoted" for other characters
 *   op     := >= | > | <= | < | == | !=
 *   right  := number
 *           | 'champion' [('+' | '-' | '*' | '×') number]           the champion's value of the same metric
 *           | 'champion.' metric [('+' | '-' | '*' | '×') number]   the champion's value of another metric
 *
 * Blank lines and `#` comments are ignored. Anything else is a syntax error that names the line and
 * what was expected: a rule that cannot be read must never be skipped.
 */

export type Operator = '>=' | '>' | '<=' | '<' | '==' | '!=';
export type Adjust = '+' | '-' | '*';

export type RightSide =
  | { kind: 'number'; value: number }
  | { kind: 'champion'; metric: string; adjust?: { op: Adjust; value: number } };

export interface QualityRule {
  /** The rule as written (trimmed, comment removed). */
  text: string;
  /** 1-based line in the input. */
  line: number;
  metric: string;
  operator: Operator;
  right: RightSide;
}

/** A rule that cannot be parsed; `line` and `column` are 1-based. */
export class RuleSyntaxError extends Error {
  override readonly name = 'RuleSyntaxError';
  constructor(
    readonly line: number,
    readonly column: number,
    readonly ruleText: string,
    detail: string,
  ) {
    super(`line ${line}, column ${column}: ${detail} in '${ruleText}'`);
  }
}

type Token =
  | { t: 'name'; v: string; col: number }
  | { t: 'op'; v: Operator; col: number }
  | { t: 'adj'; v: Adjust; col: number }
  | { t: 'num'; v: number; text: string; col: number }
  | { t: 'dot'; col: number };

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const OPERATORS: Operator[] = ['>=', '<=', '==', '!=', '>', '<'];

function tokenize(text: string, line: number): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (detail: string): never => {
    throw new RuleSyntaxError(line, i + 1, text, detail);
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      tokens.push({ t: 'op', v: op, col: i + 1 });
      i += op.length;
      continue;
    }
    if (c === '=' || c === '!') fail(`unknown operator starting with '${c}' (use >=, >, <=, <, == or !=)`);
    if (c === '+' || c === '-' || c === '*' || c === '×') {
      tokens.push({ t: 'adj', v: c === '×' ? '*' : c, col: i + 1 });
      i++;
      continue;
    }
    if (c === '.') {
      tokens.push({ t: 'dot', col: i + 1 });
      i++;
      continue;
    }
    if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) fail('a quote is not closed');
      const v = text.slice(i + 1, end);
      if (v === '') fail('an empty quoted name');
      tokens.push({ t: 'name', v, col: i + 1 });
      i = end + 1;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(text);
    if (num) {
      tokens.push({ t: 'num', v: Number(num[0]), text: num[0], col: i + 1 });
      i = NUMBER.lastIndex;
      if (i < text.length && /[A-Za-z_%]/.test(text[i]!)) fail(`unexpected '${text[i]}' after the number ${num[0]}`);
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(text);
    if (name) {
      tokens.push({ t: 'name', v: name[0], col: i + 1 });
      i = NAME.lastIndex;
      continue;
    }
    fail(`unexpected '${c}'`);
  }
  return tokens;
}

/** Parses rules, one per line. An empty result is allowed; the caller decides if that is an error. */
export function parseRules(text: string): QualityRule[] {
  const rules: QualityRule[] = [];
  text.split(/\r?\n/).forEach((rawLine, idx) => {
    const line = idx + 1;
    const hash = findComment(rawLine);
    const body = (hash >= 0 ? rawLine.slice(0, hash) : rawLine).trim();
    if (body === '') return;
    rules.push(parseRule(body, line));
  });
  return rules;
}

/** The position of a `#` outside quotes, or -1. */
function findComment(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === '#' && !quoted) return i;
  }
  return -1;
}

function parseRule(text: string, line: number): QualityRule {
  const tokens = tokenize(text, line);
  let p = 0;
  const peek = () => tokens[p];
  const fail = (detail: string, tok = peek()): never => {
    throw new RuleSyntaxError(line, tok ? tok.col : text.length + 1, text, detail);
  };
  const describe = (tok: Token | undefined) =>
    tok === undefined ? 'the end of the rule' : tok.t === 'num' ? `'${tok.text}'` : tok.t === 'dot' ? "'.'" : `'${tok.v}'`;

  const readPath = (what: string): string => {
    const first = peek();
    if (first?.t !== 'name') fail(`expected ${what}, found ${describe(first)}`);
    const parts = [(first as { v: string }).v];
    p++;
    while (peek()?.t === 'dot') {
      p++;
      const next = peek();
      if (next?.t === 'name') parts.push(next.v);
      else if (next?.t === 'num' && /^\d+$/.test(next.text)) parts.push(next.text);
      else fail(`expected a name after '.', found ${describe(next)}`);
      p++;
    }
    return parts.join('.');
  };

  const metric = readPath('a metric name');
  if (metric === 'champion' || metric.startsWith('champion.')) fail("a rule starts with the candidate's metric, not 'champion'", tokens[0]);
  const opTok = peek();
  if (opTok?.t !== 'op') fail(`expected an operator (>=, >, <=, <, == or !=) after '${metric}', found ${describe(opTok)}`);
  const operator = (opTok as { v: Operator }).v;
  p++;

  let right: RightSide;
  const rt = peek();
  if (rt?.t === 'adj' && rt.v === '-' && tokens[p + 1]?.t === 'num') {
    right = { kind: 'number', value: -(tokens[p + 1] as { v: number }).v };
    p += 2;
  } else if (rt?.t === 'num') {
    right = { kind: 'number', value: rt.v };
    p++;
  } else if (rt?.t === 'name' && rt.v === 'champion') {
    p++;
    let champMetric = metric;
    if (peek()?.t === 'dot') {
      p++;
      champMetric = readPath("a metric name after 'champion.'");
    }
    const champ: RightSide = { kind: 'champion', metric: champMetric };
    const adj = peek();
    if (adj?.t === 'adj') {
      p++;
      const n = peek();
      if (n?.t !== 'num') fail(`expected a number after '${adj.v}', found ${describe(n)}`);
      champ.adjust = { op: adj.v, value: (n as { v: number }).v };
      p++;
    }
    right = champ;
  } else {
    return fail(`expected a number or 'champion' after '${operator}', found ${describe(rt)}`);
  }
  if (p < tokens.length) fail(`unexpected ${describe(peek())} after the end of the rule`);
  return { text, line, metric, operator, right };
}

/** Renders a rule's right side the way it is written: `champion - 0.01`, `champion.f1 * 0.99`. */
export function formatRight(right: RightSide, metric: string): string {
  if (right.kind === 'number') return String(right.value);
  const base = right.metric === metric ? 'champion' : `champion.${right.metric}`;
  return right.adjust ? `${base} ${right.adjust.op === '*' ? '×' : right.adjust.op} ${right.adjust.value}` : base;
}
