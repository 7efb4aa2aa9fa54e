import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A fake Discord on 127.0.0.1: REST under /api/v10 and a JSON gateway, enough for the real
 * discord.js Client to log in, receive interactions and answer them. Every REST request and
 * every gateway frame the client sends is recorded for assertions.
 */

export interface RecordedRequest {
  method: string;
  /** Decoded path below /api/v10, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  /** The raw path as it arrived (discord.js encodes `@original` as `%40original`). */
  rawPath: string;
  query: URLSearchParams;
  body: any;
  /** What the fake answered. */
  status?: number;
  response?: any;
}

export interface FakeDiscordOptions {
  appId?: string;
  guildId?: string;
  channelId?: string;
  ownerId?: string;
  /** The only bot token REST and IDENTIFY accept; default `test-token`. */
  token?: string;
  /** What HELLO asks for; short in tests so heartbeats and their ACKs really happen. */
  heartbeatIntervalMs?: number;
  /** The shard count `/gateway/bot` recommends; default 1. */
  recommendedShards?: number;
}

/** Manage Server, View Channel, Send Messages, Embed Links. */
export const ADMIN_PERMISSIONS = String((1n << 5n) | (1n << 10n) | (1n << 11n) | (1n << 14n));
/** View Channel and Send Messages only: an ordinary member. */
export const MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n));

export interface InteractionUser {
  id: string;
  username: string;
  permissions: string;
}

export const adminUser: InteractionUser = { id: '900000000000000001', username: 'editor', permissions: ADMIN_PERMISSIONS };
export const memberUser: InteractionUser = { id: '900000000000000002', username: 'reader', permissions: MEMBER_PERMISSIONS };

type ChatOption = { name: string; type: number; value?: string | number; focused?: boolean; options?: ChatOption[] };

let snowflakeCounter = 0n;
function snowflake(): string {
  snowflakeCounter += 1n;
  return String(((BigInt(Date.now()) - 1420070400000n) << 22n) + snowflakeCounter);
}

export class FakeDiscord extends EventEmitter {
  readonly appId: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly ownerId: string;
  readonly botUser = { id: '', username: 'newsbot', discriminator: '0', global_name: null, avatar: null, bot: true };
  readonly requests: RecordedRequest[] = [];
  readonly gatewayFrames: Array<{ op: number; d: any }> = [];
  /** Registered commands by scope: `global` or a guild id. */
  readonly commands = new Map<string, any[]>();
  /** Channels where posting answers with this Discord error (e.g. 50013 Missing Permissions). */
  readonly refusedChannels = new Map<string, { code: number; message: string }>();
  /**
   * Routes (as `POST /channels/:id/messages`) whose next `calls` requests answer 429 with
   * `Retry-After` and Discord's JSON body, as Discord does to a burst.
   */
  readonly rateLimits = new Map<string, { calls: number; retryAfter: number }>();
  rateLimited = 0;
  /** Every message posted to a channel or thread through REST, in order. */
  readonly messages: Array<{ id: string; channelId: string; body: any }> = [];
  /** Threads started from a message, by thread id (the message's id, as in Discord). */
  readonly threads = new Map<string, { id: string; parentId: string; name: string }>();

  #server: Server;
  #wss: WebSocketServer;
  #sockets = new Set<WebSocket>();
  /** Sockets that identified or resumed, with their shard: only these get dispatches. */
  #sessions = new Map<WebSocket, Shard>();
  /** The shard each session id identified as, for RESUME. */
  #sessionShards = new Map<string, Shard>();
  #recommendedShards: number;
  #sequence = 0;
  /** Every dispatch sent, so a client that resumes after a reconnect gets what it missed. */
  #dispatched: Array<{ s: number; frame: string }> = [];
  #heartbeatIntervalMs: number;
  #token: string;

  constructor(options: FakeDiscordOptions = {}) {
    super();
    this.appId = options.appId ?? '800000000000000001';
    this.guildId = options.guildId ?? '700000000000000001';
    this.channelId = options.channelId ?? '600000000000000001';
    this.ownerId = options.ownerId ?? adminUser.id;
    this.#heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.#token = options.token ?? 'test-token';
    this.#recommendedShards = options.recommendedShards ?? 1;
    this.botUser.id = this.appId;
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#wss = new WebSocketServer({ server: this.#server });
    this.#wss.on('connection', (socket) => this.#onGatewayConnection(socket));
  }

  /** Listens on a free port on 127.0.0.1; returns the REST base for DISCORD_API_URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return this.apiUrl;
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Messages posted to `channelId` (a channel or a thread), in order. */
  messagesIn(channelId: string): Array<{ id: string; channelId: string; body: any }> {
    return this.messages.filter((m) => m.channelId === channelId);
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitForRequest(match: (request: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('request', listener);
        const log = this.requests.map((r) => `${r.method} ${r.path}`).join('\n  ');
        reject(new Error(`fake Discord: no matching request within ${timeoutMs} ms; seen:\n  ${log}`));
      }, timeoutMs);
      const listener = (request: RecordedRequest) => {
        if (!match(request)) return;
        clearTimeout(timer);
        this.off('request', listener);
        resolve(request);
      };
      this.on('request', listener);
    });
  }

  /** Resolves with the first gateway frame (past or future) the client sent that matches. */
  waitForGatewayFrame(match: (frame: { op: number; d: any }) => boolean, timeoutMs = 10_000): Promise<{ op: number; d: any }> {
    const seen = this.gatewayFrames.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('frame', listener);
        reject(new Error(`fake Discord: no matching gateway frame within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (frame: { op: number; d: any }) => {
        if (!match(frame)) return;
        clearTimeout(timer);
        this.off('frame', listener);
        resolve(frame);
      };
      this.on('frame', listener);
    });
  }

  /**
   * Sends a gateway dispatch to every connected client; one about a server goes, as in Discord,
   * only to the sessions of the shard that server belongs to.
   */
  dispatch(event: string, data: unknown): void {
    this.#sequence += 1;
    const frame = JSON.stringify({ op: 0, t: event, s: this.#sequence, d: data });
    this.#dispatched.push({ s: this.#sequence, frame });
    const record = data as { id?: string; guild_id?: string } | null;
    const guildId = event === 'GUILD_CREATE' ? record?.id : record?.guild_id;
    for (const [socket, shard] of this.#sessions) if (guildId === undefined || holdsGuild(shard, guildId)) socket.send(frame);
  }

  /** Injects a slash command; returns the interaction's id and token. */
  sendChatInput(command: string, options: ChatOption[] = [], user: InteractionUser = memberUser, channelId = this.channelId): { id: string; token: string } {
    return this.#sendInteraction(2, { id: this.#commandId(command), name: command, type: 1, options }, user, channelId);
  }

  /** Injects an autocomplete request; `focused` is the option being typed. */
  sendAutocomplete(command: string, options: ChatOption[], user: InteractionUser = memberUser): { id: string; token: string } {
    return this.#sendInteraction(4, { id: this.#commandId(command), name: command, type: 1, options }, user);
  }

  /** Injects a click on a button under `message` (a message object the fake returned earlier). */
  sendButton(customId: string, message: unknown, user: InteractionUser = memberUser): { id: string; token: string } {
    return this.#sendInteraction(3, { custom_id: customId, component_type: 2 }, user, this.channelId, message);
  }

  #commandId(name: string): string {
    for (const list of this.commands.values()) {
      const found = list.find((c) => c.name === name);
      if (found) return found.id as string;
    }
    return snowflake();
  }

  #sendInteraction(type: number, data: unknown, user: InteractionUser, channelId = this.channelId, message?: unknown): { id: string; token: string } {
    const id = snowflake();
    const token = `tok-${id}`;
    this.dispatch('INTERACTION_CREATE', {
      id,
      application_id: this.appId,
      type,
      token,
      version: 1,
      guild_id: this.guildId,
      channel_id: channelId,
      channel: { id: channelId, type: 0, guild_id: this.guildId, name: 'news' },
      member: {
        user: { id: user.id, username: user.username, discriminator: '0', global_name: user.username, avatar: null },
        roles: [],
        joined_at: '2024-01-01T00:00:00.000Z',
        permissions: user.permissions,
        deaf: false,
        mute: false,
        flags: 0,
      },
      app_permissions: ADMIN_PERMISSIONS,
      locale: 'en-US',
      guild_locale: 'en-US',
      // discord.js reads this unconditionally; without it the interaction throws.
      entitlements: [],
      authorizing_integration_owners: { '0': this.guildId },
      context: 0,
      data,
      ...(message === undefined ? {} : { message }),
    });
    return { id, token };
  }

  #message(channelId: string, body: any): any {
    return {
      id: snowflake(),
      type: 0,
      channel_id: channelId,
      author: this.botUser,
      content: body?.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      pinned: false,
      flags: body?.flags ?? 0,
      application_id: this.appId,
      webhook_id: this.appId,
    };
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawPath = url.pathname.replace(/^\/api\/v10/, '');
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(rawPath),
      rawPath,
      query: url.searchParams,
      body: text && (req.headers['content-type'] ?? '').includes('json') ? JSON.parse(text) : text || undefined,
    };
    this.requests.push(request);
    const send = (status: number, payload?: unknown) => {
      res.writeHead(status, payload === undefined ? {} : { 'content-type': 'application/json' });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    const limit = this.rateLimits.get(routeKey(request.path, request.method));
    if (limit && limit.calls > 0) {
      limit.calls -= 1;
      this.rateLimited += 1;
      request.status = 429;
      res.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': String(limit.retryAfter),
        'x-ratelimit-scope': 'user',
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(limit.retryAfter),
      });
      res.end(JSON.stringify({ message: 'You are being rate limited.', retry_after: limit.retryAfter, global: false }));
      this.emit('request', request);
      return;
    }
    try {
      const authorized = req.headers.authorization === `Bot ${this.#token}` || rawPath.startsWith('/interactions/') || rawPath.startsWith('/webhooks/');
      const reply = authorized ? this.#route(request) : { status: 401, body: { message: '401: Unauthorized', code: 0 } };
      request.status = reply.status;
      request.response = reply.body;
      send(reply.status, reply.body);
    } finally {
      this.emit('request', request);
    }
  }

  #route({ method, path, body }: RecordedRequest): { status: number; body?: unknown } {
    const parts = path.split('/').filter(Boolean);
    const key = routeKey(path, method);
    switch (key) {
      case 'GET /gateway/bot':
        return {
          status: 200,
          body: {
            url: `ws://127.0.0.1:${this.port}`,
            shards: this.#recommendedShards,
            session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
          },
        };
      case 'GET /gateway':
        return { status: 200, body: { url: `ws://127.0.0.1:${this.port}` } };
      case 'GET /users/@me':
        return { status: 200, body: this.botUser };
      case 'PUT /applications/:id/commands':
      case 'PUT /applications/:id/guilds/:id/commands': {
        const scope = parts.length === 5 ? (parts[3] as string) : 'global';
        const previous = this.commands.get(scope) ?? [];
        const saved = (body as any[]).map((c) => ({
          ...c,
          id: previous.find((p) => p.name === c.name)?.id ?? snowflake(),
          application_id: this.appId,
          version: snowflake(),
          ...(scope === 'global' ? {} : { guild_id: scope }),
        }));
        this.commands.set(scope, saved);
        return { status: 200, body: saved };
      }
      case 'GET /applications/:id/commands':
      case 'GET /applications/:id/guilds/:id/commands': {
        const scope = parts.length === 5 ? (parts[3] as string) : 'global';
        return { status: 200, body: this.commands.get(scope) ?? [] };
      }
      case 'POST /interactions/:id/:id/callback':
        return { status: 204 };
      case 'PATCH /webhooks/:id/:id/messages/@original':
      case 'POST /webhooks/:id/:id':
        return { status: 200, body: this.#message(this.channelId, body) };
      case 'DELETE /webhooks/:id/:id/messages/@original':
        return { status: 204 };
      case 'POST /channels/:id/messages': {
        const channelId = parts[1] as string;
        const refusal = this.refusedChannels.get(channelId);
        if (refusal) return { status: 403, body: refusal };
        const message = this.#message(channelId, body);
        this.messages.push({ id: message.id, channelId, body });
        return { status: 200, body: message };
      }
      case 'POST /channels/:id/messages/:id/threads': {
        // Starting a thread from a message: the thread takes the message's id, once per message.
        const [, channelId, , messageId] = parts as [string, string, string, string];
        if (!this.messages.some((m) => m.id === messageId && m.channelId === channelId)) return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
        if (this.threads.has(messageId)) return { status: 400, body: { message: 'A thread has already been created for this message', code: 160004 } };
        const name = String((body as any)?.name ?? '');
        if (name.length < 1 || name.length > 100) return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: { name: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }] } } } };
        this.threads.set(messageId, { id: messageId, parentId: channelId, name });
        return {
          status: 201,
          body: {
            id: messageId,
            type: 11,
            guild_id: this.guildId,
            parent_id: channelId,
            name,
            owner_id: this.appId,
            message_count: 0,
            member_count: 1,
            thread_metadata: { archived: false, auto_archive_duration: (body as any)?.auto_archive_duration ?? 4320, archive_timestamp: new Date().toISOString(), locked: false },
          },
        };
      }
      case 'GET /channels/:id':
        return { status: 200, body: { id: parts[1], type: 0, guild_id: this.guildId, name: 'news', position: 0, permission_overwrites: [] } };
      case 'GET /guilds/:id':
        return { status: 200, body: { ...this.#guild(), channels: undefined } };
      case 'POST /users/@me/channels':
        return { status: 200, body: { id: `5${(body as any).recipient_id.slice(1)}`, type: 1, recipients: [{ id: (body as any).recipient_id, username: 'owner', discriminator: '0' }] } };
      default:
        return { status: 404, body: { message: '404: Not Found', code: 0 } };
    }
  }

  #guild(): any {
    return {
      id: this.guildId,
      name: 'Newsroom',
      icon: null,
      owner_id: this.ownerId,
      roles: [{ id: this.guildId, name: '@everyone', permissions: MEMBER_PERMISSIONS, position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      emojis: [],
      stickers: [],
      features: [],
      channels: [{ id: this.channelId, type: 0, name: 'news', guild_id: this.guildId, position: 0, permission_overwrites: [] }],
      threads: [],
      members: [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      member_count: 2,
      large: false,
      unavailable: false,
      joined_at: '2024-01-01T00:00:00.000Z',
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      system_channel_id: null,
      premium_tier: 0,
      preferred_locale: 'en-US',
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
    };
  }

  #onGatewayConnection(socket: WebSocket): void {
    this.#sockets.add(socket);
    socket.on('close', () => {
      this.#sockets.delete(socket);
      this.#sessions.delete(socket);
    });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.#heartbeatIntervalMs }, s: null, t: null }));
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: any };
      this.gatewayFrames.push(frame);
      this.emit('frame', frame);
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (frame.op === 6) {
        // RESUME: replay what the client missed, as Discord does, then confirm.
        for (const missed of this.#dispatched.filter((d) => d.s > (frame.d?.seq ?? 0))) socket.send(missed.frame);
        this.#sequence += 1;
        socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: this.#sequence, d: {} }));
        this.#sessions.set(socket, this.#sessionShards.get(frame.d?.session_id) ?? [0, 1]);
      }
      if (frame.op === 2) {
        const shard: Shard = frame.d?.shard ?? [0, 1];
        const sessionId = `session-${snowflake()}`;
        this.#sessionShards.set(sessionId, shard);
        const holds = holdsGuild(shard, this.guildId);
        this.#sequence += 1;
        socket.send(
          JSON.stringify({
            op: 0,
            t: 'READY',
            s: this.#sequence,
            d: {
              v: 10,
              user: this.botUser,
              // Every guild listed here needs a GUILD_CREATE, or discord.js waits ~15 s before ready.
              guilds: holds ? [{ id: this.guildId, unavailable: true }] : [],
              session_id: sessionId,
              resume_gateway_url: `ws://127.0.0.1:${this.port}`,
              shard,
              application: { id: this.appId, flags: 0 },
            },
          }),
        );
        this.#sessions.set(socket, shard);
        if (holds) this.dispatch('GUILD_CREATE', this.#guild());
      }
    });
  }
}

/** A gateway session's `[shard id, shard count]`, as sent in IDENTIFY. */
type Shard = [number, number];

/** Discord's rule: a server's events go to shard `(guild_id >> 22) % shard count`. */
function holdsGuild([id, count]: Shard, guildId: string): boolean {
  return Number((BigInt(guildId) >> 22n) % BigInt(count)) === id;
}

/** `POST /channels/:id/messages` for `POST /channels/6001/messages`: ids and tokens as placeholders. */
function routeKey(path: string, method: string): string {
  const parts = path.split('/').filter(Boolean);
  return `${method} /${parts.map((p) => (/^\d+$/.test(p) || p.startsWith('tok-') ? ':id' : p)).join('/')}`;
}
