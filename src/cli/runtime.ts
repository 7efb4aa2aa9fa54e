import { systemClock, type Clock } from '../core/clock.ts';
import { createLogger, type Logger } from '../core/logger.ts';
import type { CommandContext } from '../commands/context.ts';
import { loadConfig, type Config } from '../config.ts';
import { openConfiguredStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';

/** The wired core that the CLI, the scheduler and the adapters run against. */
export interface Runtime {
  config: Config;
  store: Store;
  clock: Clock;
  log: Logger;
  commandContext: CommandContext;
}

/** Reads the configuration (throws ConfigError naming a bad variable) and opens the store. */
export function createRuntime(env: NodeJS.ProcessEnv = process.env, clock: Clock = systemClock): Runtime {
  const config = loadConfig(env);
  const log = createLogger(config.logLevel);
  const store = openConfiguredStore(config, { clock });
  return { config, store, clock, log, commandContext: { store, clock, defaultTimezone: config.timezone } };
}
