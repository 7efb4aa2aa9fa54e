import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import type { Config } from '../../src/config.ts';
import { silentLogger, type Logger } from '../../src/core/logger.ts';
import { DiscordAdapterError } from './errors.ts';

export interface ShardLauncherOptions {
  discord: NonNullable<Config['discord']>;
  shards: NonNullable<Config['shardManager']>;
  /** The script each shard process runs (newsbot's own entry) and its arguments. */
  entry: string;
  args: string[];
  log?: Logger;
  /**
   * Pause between starting two shards. Discord lets a bot identify one shard per 5 seconds
   * (max_concurrency 1), so discord.js waits 5.5 s by default.
   */
  spawnDelayMs?: number;
}

export interface RunningShards {
  totalShards: number;
  /** The shard ids this launcher runs, each in its own process. */
  shardIds: number[];
  /** Ends every shard process; none is started again. */
  stop(): Promise<void>;
}

/**
 * How many shards Discord recommends (`/gateway/bot`). Asked here rather than by discord.js,
 * whose own look-up always goes to discord.com and would bypass DISCORD_API_URL.
 */
async function recommendedShardCount(discord: ShardLauncherOptions['discord']): Promise<number> {
  const rest = new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(discord.token);
  try {
    const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
    return gateway.shards;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DiscordAdapterError('E_DISCORD_TOKEN', `Discord did not say how many shards to run (SHARD_COUNT=auto): ${reason}. Check DISCORD_TOKEN, or set SHARD_COUNT to a number.`);
  }
}

/**
 * Starts discord.js's ShardingManager: one child process of `entry` per shard, each told its
 * shard id and the total through SHARDS and SHARD_COUNT. Resolves once every shard is ready;
 * a shard process that exits later is started again by the manager.
 */
export async function launchShards(options: ShardLauncherOptions): Promise<RunningShards> {
  const log = options.log ?? silentLogger;
  const requested = options.shards.totalShards;
  const totalShards = requested === 'auto' ? await recommendedShardCount(options.discord) : requested;
  const manager = new ShardingManager(options.entry, {
    totalShards,
    ...(options.shards.shardList ? { shardList: options.shards.shardList } : {}),
    token: options.discord.token,
    shardArgs: options.args,
    mode: 'process',
    respawn: true,
  });
  manager.on('shardCreate', (shard) => {
    log.info(`Discord: shard ${shard.id} of ${totalShards} starting`);
    shard.on('death', () => {
      if (manager.respawn) log.warn(`Discord: shard ${shard.id} stopped; starting it again`);
    });
  });
  await manager.spawn({ amount: totalShards, ...(options.spawnDelayMs !== undefined ? { delay: options.spawnDelayMs } : {}) });
  const shardIds = [...manager.shards.keys()];
  log.info(`Discord: ${shardIds.length} shard process(es) ready (${shardIds.join(', ')} of ${totalShards})`);
  return {
    totalShards,
    shardIds,
    async stop() {
      manager.respawn = false;
      const exits = [...manager.shards.values()].map((shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        // SIGTERM lets a shard finish a briefing it is posting; kill() would not be restarted either.
        child.kill('SIGTERM');
        return exited;
      });
      await Promise.all(exits);
    },
  };
}

/**
 * In a shard process: resolves when the manager that spawned it is gone (its IPC channel
 * closed), so a shard never outlives its launcher, even one killed with SIGKILL.
 */
export function untilShardManagerGone(): Promise<void> {
  return new Promise((resolve) => {
    if (!process.connected) return resolve();
    process.once('disconnect', () => resolve());
  });
}
