import type { CommandContext } from './context.ts';
import { errorReply, type Command, type Reply } from './types.ts';

const defaultLimit = 5;
const maxLimit = 25;

/** `/quotes NAME [n]`: the person's latest quotes, each with its outlet and link. */
export async function quotesCommand(command: Command, ctx: CommandContext): Promise<Reply> {
  const args = [...command.args];
  let limit = defaultLimit;
  const last = args.at(-1);
  if (args.length > 1 && last !== undefined && /^\d+$/.test(last)) {
    limit = Math.min(maxLimit, Math.max(1, Number(last)));
    args.pop();
  }
  const query = args.join(' ').trim();
  if (!query) return errorReply('usage', 'Whose quotes should I show?', 'Usage: /quotes NAME [how many], for example /quotes trump 3');
  const profile = await ctx.store.getPerson(query);
  if (!profile) {
    return errorReply('not_found', `Nobody called "${query}" appears in the stored articles.`, 'Check the spelling, or try /who with part of the name.');
  }
  const quotes = await ctx.store.quotesBy(profile.name, limit);
  return { kind: 'quotes', ephemeral: false, query, speaker: profile.name, quotes };
}
