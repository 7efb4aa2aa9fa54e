import { createInterface } from 'node:readline';
import { runSlashText } from '../../src/commands/index.ts';
import type { CommandContext } from '../../src/commands/context.ts';
import type { ChannelRef } from '../../src/commands/types.ts';
import { renderDigestMarkdown } from '../../src/digest/markdown.ts';
import type { Digest } from '../../src/digest/types.ts';
import type { BriefingSink } from '../../src/schedule/types.ts';
import { renderReplyText } from './render.ts';

const operator = { id: 'local-operator', name: 'local operator', isAdmin: true };

/** Prints briefings to stdout; the console channel is `console:main`. */
export function createConsoleSink(write: (text: string) => void = (text) => process.stdout.write(text)): BriefingSink {
  let posted = 0;
  return {
    platform: 'console',
    async postBriefing(target: ChannelRef, digest: Digest): Promise<string[]> {
      write(renderDigestMarkdown(digest) + '\n');
      posted += 1;
      return [`console-${target.id}-${posted}`];
    },
    async notifyAdmins(_target: ChannelRef, message: string): Promise<void> {
      process.stderr.write(`admin notice: ${message}\n`);
    },
  };
}

/**
 * A prompt on the terminal that runs slash commands as the local admin, until end of input.
 * Resolves when the operator closes it (Ctrl-D) or `signal` aborts.
 */
export function runConsolePrompt(ctx: CommandContext, signal?: AbortSignal): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'newsbot> ' });
  const channel: ChannelRef = { platform: 'console', id: 'main' };
  rl.prompt();
  rl.on('line', (line) => {
    const text = line.trim();
    if (!text) return rl.prompt();
    if (text === 'exit' || text === 'quit') return rl.close();
    rl.pause();
    void runSlashText(text.startsWith('/') ? text : '/' + text, operator, channel, ctx).then((reply) => {
      process.stdout.write(renderReplyText(reply) + '\n');
      rl.resume();
      rl.prompt();
    });
  });
  signal?.addEventListener('abort', () => rl.close(), { once: true });
  return new Promise((resolve) => rl.on('close', () => resolve()));
}
