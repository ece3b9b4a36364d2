/** Where actions and packages write their log lines; the action's entry maps it to the runner. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /** Runs `fn` inside a collapsible group in the runner's log. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

/** A logger that keeps lines in memory: for tests and for building summaries. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    debug: (m) => lines.push(`debug: ${m}`),
    info: (m) => lines.push(m),
    warning: (m) => lines.push(`warning: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
    async group(title, fn) {
      lines.push(`group: ${title}`);
      return fn();
    },
  };
}

/** A logger that writes to the console with no runner markup. */
export const consoleLogger: Logger = {
  debug: (m) => {
    if (process.env.ML_DEPLOY_DEBUG === 'true') console.error(`debug: ${m}`);
  },
  info: (m) => console.log(m),
  warning: (m) => console.error(`warning: ${m}`),
  error: (m) => console.error(`error: ${m}`),
  group: async (title, fn) => {
    console.log(`── ${title}`);
    return fn();
  },
};
