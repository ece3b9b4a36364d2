import { cancellationFromSignals } from './cancel';
import { CancelledError, isUserError, toError } from './errors';
import type { Logger } from './logger';
import { SecretRegistry } from './mask';
import { SummaryBuilder } from './summary';

/**
 * What the runner offers an action. The action's entry (the only file that imports
 * `@actions/core`) builds this; tests build it from plain objects and files.
 */
export interface RunnerIO {
  /** The raw input, as the runner passes it; '' when unset. */
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  setSecret(value: string): void;
  appendSummary(markdown: string): Promise<void>;
  setFailed(message: string): void;
  logger: Logger;
}

/**
 * The functions of `@actions/core` that an action's entry hands over. Typed structurally so this
 * package never imports the runner toolkit; the entry passes the module: `runnerIO(core)`.
 */
export interface ActionsCore {
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  setSecret(value: string): void;
  setFailed(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  summary: { addRaw(text: string): { write(): Promise<unknown> } };
}

/** The RunnerIO every action's entry uses, built from `@actions/core`. */
export function runnerIO(core: ActionsCore): RunnerIO {
  return {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: (value) => core.setSecret(value),
    appendSummary: async (markdown) => {
      await core.summary.addRaw(markdown).write();
    },
    setFailed: (message) => core.setFailed(message),
    logger: {
      debug: (m) => core.debug(m),
      info: (m) => core.info(m),
      warning: (m) => core.warning(m),
      error: (m) => core.error(m),
      group: (title, fn) => core.group(title, fn),
    },
  };
}

/** GitHub shows at most 10 error and 10 warning annotations per step. */
export const ANNOTATIONS_PER_STEP = 10;

/**
 * A logger that keeps within GitHub's annotations per step: errors and warnings past the limit are
 * printed as plain lines (marked so), and one error annotation is always kept for the step's
 * final verdict (setFailed), so the verdict is never the one GitHub cuts off.
 */
export function withAnnotationBudget(logger: Logger, limit = ANNOTATIONS_PER_STEP): Logger {
  let errors = 0;
  let warnings = 0;
  return {
    debug: (m) => logger.debug(m),
    info: (m) => logger.info(m),
    warning: (m) => {
      if (++warnings <= limit) logger.warning(m);
      else logger.info(`warning (past GitHub's ${limit} annotations per step, not annotated): ${m}`);
    },
    error: (m) => {
      if (++errors <= limit - 1) logger.error(m);
      else logger.info(`error (past GitHub's ${limit} annotations per step, not annotated; the last is kept for the step's verdict): ${m}`);
    },
    group: (title, fn) => logger.group(title, fn),
  };
}

/** Reads an input: `undefined` when unset or blank, never ''. */
export type InputReader = (name: string) => string | undefined;

export interface ActionContext {
  logger: Logger;
  signal: AbortSignal;
  secrets: SecretRegistry;
  summary: SummaryBuilder;
  /** Sets an output at once, so outputs known before a failure still reach the workflow. */
  setOutput(name: string, value: string | number | undefined): void;
}

export interface ActionDefinition<I> {
  /** The action's name, used as the prefix of its failure message. */
  name: string;
  parseInputs(read: InputReader, secrets: SecretRegistry): I | Promise<I>;
  run(inputs: I, ctx: ActionContext): Promise<void>;
}

/**
 * The one place that turns an action's result into step status: it parses inputs, runs, always
 * writes the summary (failure included), masks secrets in everything it prints, and fails the step
 * with a message that says whose mistake it was.
 */
export async function runAction<I>(def: ActionDefinition<I>, io: RunnerIO): Promise<void> {
  const secrets = new SecretRegistry((v) => io.setSecret(v));
  const summary = new SummaryBuilder();
  const { signal, dispose } = cancellationFromSignals();
  const ctx: ActionContext = {
    logger: withAnnotationBudget(io.logger),
    signal,
    secrets,
    summary,
    setOutput(name, value) {
      if (value === undefined) return;
      io.setOutput(name, secrets.redact(String(value)));
    },
  };
  try {
    const read: InputReader = (name) => {
      const v = io.getInput(name);
      return v.trim() === '' ? undefined : v;
    };
    const inputs = await def.parseInputs(read, secrets);
    await def.run(inputs, ctx);
  } catch (thrown) {
    const err = toError(thrown);
    const message = secrets.redact(err.message);
    if (err instanceof CancelledError) {
      io.setFailed(`${def.name}: ${message}`);
    } else if (isUserError(err)) {
      io.setFailed(`${def.name}: ${message}`);
    } else {
      if (err.stack) io.logger.debug(secrets.redact(err.stack));
      io.setFailed(`${def.name} failed: ${message}`);
    }
  } finally {
    dispose();
    if (!summary.isEmpty()) {
      try {
        await io.appendSummary(secrets.redact(summary.toString()));
      } catch (err) {
        io.logger.warning(`could not write the job summary: ${toError(err).message}`);
      }
    }
  }
}
