import { z } from 'zod';
import { isValidTimeZone } from './schedule/timezone.ts';
import { NewsbotError } from './core/errors.ts';

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const envSchema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_APP_ID: optionalText,
  DISCORD_API_URL: optionalText.pipe(z.url({ message: 'must be a URL such as http://127.0.0.1:8080/api' }).optional()),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: optionalText.pipe(z.url({ message: 'must be a URL such as http://127.0.0.1:8080/api/' }).optional()),
  SLACK_PORT: optionalText.pipe(z.string().regex(/^\d{1,5}$/, 'must be a port number such as 3000').transform(Number).optional()),
  SLACK_ADMIN_USER_IDS: optionalText,
  NEWSBOT_DB: optionalText,
  DATABASE_URL: optionalText.pipe(z.string().regex(/^postgres(?:ql)?:\/\//i, 'must be a postgres:// URL such as postgres://newsbot@127.0.0.1:5432/newsbot').optional()),
  NEWSBOT_TZ: optionalText,
  NEWSBOT_ALLOW_PRIVATE_URLS: optionalText,
  LOG_LEVEL: optionalText.pipe(z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional()),
});

export interface Config {
  dbPath: string;
  /** PostgreSQL instead of SQLite when set (DATABASE_URL). */
  databaseUrl?: string;
  timezone: string;
  allowPrivateUrls: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  discord?: { token: string; appId: string; apiUrl?: string };
  slack?: {
    botToken: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
    port: number;
    adminUserIds: string[];
  };
}

export class ConfigError extends NewsbotError<'E_CONFIG'> {
  constructor(message: string) {
    super('E_CONFIG', message);
  }
}

/** Reads and validates the environment; throws one ConfigError listing every mistake. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid environment (see .env.example):\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const timezone = e.NEWSBOT_TZ ?? 'UTC';
  if (!isValidTimeZone(timezone)) {
    throw new ConfigError(`NEWSBOT_TZ: "${timezone}" is not an IANA time zone (e.g. Europe/Berlin, America/New_York, UTC)`);
  }
  const config: Config = {
    dbPath: e.NEWSBOT_DB ?? './data/newsbot.db',
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    timezone,
    allowPrivateUrls: ['1', 'true', 'yes'].includes((e.NEWSBOT_ALLOW_PRIVATE_URLS ?? '').toLowerCase()),
    logLevel: e.LOG_LEVEL ?? 'info',
  };
  if (e.DISCORD_TOKEN || e.DISCORD_APP_ID) {
    if (!e.DISCORD_TOKEN || !e.DISCORD_APP_ID) {
      throw new ConfigError('Discord needs both DISCORD_TOKEN and DISCORD_APP_ID (see .env.example)');
    }
    config.discord = { token: e.DISCORD_TOKEN, appId: e.DISCORD_APP_ID, ...(e.DISCORD_API_URL ? { apiUrl: e.DISCORD_API_URL } : {}) };
  }
  if (e.SLACK_BOT_TOKEN) {
    if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      throw new ConfigError('Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) beside SLACK_BOT_TOKEN');
    }
    config.slack = {
      botToken: e.SLACK_BOT_TOKEN,
      ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
      ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
      ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
      port: e.SLACK_PORT ?? 3000,
      adminUserIds: (e.SLACK_ADMIN_USER_IDS ?? '').split(/[\s,]+/).filter(Boolean),
    };
  }
  return config;
}
