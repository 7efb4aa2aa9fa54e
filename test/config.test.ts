import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', 'bin', 'newsbot.js');
const discord = { DISCORD_TOKEN: 'token', DISCORD_APP_ID: '1' };

describe('configuration from the environment', () => {
  it('GIVEN NEWSBOT_HTTP_* and NEWSBOT_FEED_MAX_AGE_DAYS THEN they become the fetch limits and the feed age', () => {
    const config = loadConfig({ NEWSBOT_HTTP_MAX_BYTES: '1000', NEWSBOT_HTTP_RETRIES: '0', NEWSBOT_FEED_MAX_AGE_DAYS: '7' });
    expect(config.httpLimits).toEqual({ maxBytes: 1000, retries: 0 });
    expect(config.feedMaxAgeDays).toBe(7);
    expect(loadConfig({}).feedMaxAgeDays).toBe(30);
  });

  it('GIVEN the shard ids discord.js gives a shard process THEN config knows which shards this process runs', () => {
    expect(loadConfig({ SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '4' }).shards).toEqual({ ids: [1], count: 4 });
    expect(loadConfig({ SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '4', ...discord }).shardManager).toBeUndefined();
    expect(loadConfig({}).shards).toBeUndefined();
    expect(() => loadConfig({ SHARDS: 'first' })).toThrow(/SHARDS: must be shard ids/);
  });

  it('GIVEN more than one Discord shard asked for in the operator\'s environment THEN serve is to start a ShardingManager for them', () => {
    expect(loadConfig({ SHARD_COUNT: '4', SHARDS: '0,1', ...discord }).shardManager).toEqual({ totalShards: 4, shardList: [0, 1] });
    expect(loadConfig({ SHARD_COUNT: 'auto', ...discord }).shardManager).toEqual({ totalShards: 'auto' });
    expect(loadConfig({ SHARD_COUNT: '1', ...discord }).shardManager).toBeUndefined();
    expect(() => loadConfig({ SHARD_COUNT: '2', SHARDS: '0,2', ...discord })).toThrow(/SHARDS: shard ids run from 0 to SHARD_COUNT - 1 \(1\)/);
    expect(() => loadConfig({ SHARD_COUNT: '2' })).toThrow(/set DISCORD_TOKEN and DISCORD_APP_ID/);
    expect(() => loadConfig({ SHARD_COUNT: 'many', ...discord })).toThrow(/SHARD_COUNT: must be a whole number of at least 1, or auto/);
  });

  it('GIVEN the queue settings of several instances THEN config reads them, with defaults for each', () => {
    const config = loadConfig({ NEWSBOT_QUEUE_SCHEMA: 'newsbot_jobs', NEWSBOT_JOB_EXPIRE_SECONDS: '60', NEWSBOT_POLL_INTERVAL_MINUTES: '5' });
    expect(config.queue).toEqual({ schema: 'newsbot_jobs', expireSeconds: 60 });
    expect(config.pollIntervalMs).toBe(5 * 60_000);
    expect(loadConfig({}).queue).toEqual({ schema: 'pgboss', expireSeconds: 300 });
    expect(loadConfig({}).pollIntervalMs).toBe(15 * 60_000);
    expect(() => loadConfig({ NEWSBOT_QUEUE_SCHEMA: 'Jobs; drop' })).toThrow(/NEWSBOT_QUEUE_SCHEMA: must be a schema name/);
    expect(() => loadConfig({ NEWSBOT_POLL_INTERVAL_MINUTES: '0' })).toThrow(/NEWSBOT_POLL_INTERVAL_MINUTES: must be a whole number of at least 1 \(default 15\)/);
  });

  it('GIVEN .env.example THEN every variable it names is one newsbot reads', () => {
    const example = readFileSync(join(import.meta.dirname, '..', '.env.example'), 'utf8');
    const names = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]!);
    expect(names.length).toBeGreaterThan(20);
    // An unknown variable is ignored by the schema; a known one with a bad value is named in the error.
    for (const name of names.filter((n) => !['DISCORD_TOKEN', 'DISCORD_APP_ID', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_ADMIN_USER_IDS', 'NEWSBOT_DB', 'NEWSBOT_ALLOW_PRIVATE_URLS'].includes(n))) {
      expect(() => loadConfig({ [name]: '\u0000 not valid' }), name).toThrow(name);
    }
  });

  it('GIVEN a limit that is not a whole number THEN loading stops with one line naming the variable and its default', () => {
    expect(() => loadConfig({ NEWSBOT_HTTP_PER_HOST: 'two' })).toThrow(ConfigError);
    expect(() => loadConfig({ NEWSBOT_HTTP_PER_HOST: 'two' })).toThrow(/NEWSBOT_HTTP_PER_HOST: must be a whole number of at least 1 \(default 2\)/);
    expect(() => loadConfig({ NEWSBOT_HTTP_RETRIES: '-1' })).toThrow(/NEWSBOT_HTTP_RETRIES/);
    expect(() => loadConfig({ NEWSBOT_FEED_MAX_AGE_DAYS: '0' })).toThrow(/NEWSBOT_FEED_MAX_AGE_DAYS: must be a positive number of days/);
  });

  it('GIVEN NEWSBOT_HTTP_TIMEOUT_MS=abc WHEN newsbot starts THEN it stops with a line naming the variable and stores nothing', async () => {
    const failure = await run(process.execPath, [bin, 'ask', '/who x'], {
      env: { PATH: process.env.PATH, NEWSBOT_HTTP_TIMEOUT_MS: 'abc', NEWSBOT_DB: ':memory:' },
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/NEWSBOT_HTTP_TIMEOUT_MS: must be a whole number/);
  });
});
