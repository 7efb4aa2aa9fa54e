/** Leveled logging to stderr, so stdout stays clean for JSON and briefings. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function createLogger(level: LogLevel = 'info', write: (line: string) => void = (line) => process.stderr.write(line + '\n')): Logger {
  const at = (wanted: LogLevel, prefix: string) => (message: string) => {
    if (order[wanted] >= order[level]) write(prefix + message);
  };
  return { debug: at('debug', 'debug: '), info: at('info', ''), warn: at('warn', 'warning: '), error: at('error', 'error: ') };
}

export const silentLogger: Logger = createLogger('silent');
