import type { CommandContext } from './context.ts';
import { errorReply, type Command, type Reply } from './types.ts';

/** `/who NAME`: the person's name, role, spellings, outlets and latest words. */
export async function whoCommand(command: Command, ctx: CommandContext): Promise<Reply> {
  const query = command.args.join(' ').trim();
  if (!query) return errorReply('usage', 'Whom should I look up?', 'Usage: /who NAME, for example /who lavrov');
  const profile = await ctx.store.getPerson(query);
  if (!profile) {
    const close = (await ctx.store.suggestPeople(query.slice(0, 3), 5)).map((p) => p.name);
    return errorReply(
      'not_found',
      `Nobody called "${query}" appears in the stored articles.`,
      close.length ? `Did you mean: ${close.join(', ')}?` : 'Add feeds with /feeds add URL, or wait for the next poll.',
    );
  }
  return { kind: 'profile', ephemeral: false, profile, quotes: await ctx.store.quotesBy(profile.name, 3) };
}
