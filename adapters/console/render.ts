import { renderDigestMarkdown } from '../../src/digest/markdown.ts';
import type { QuoteItem, Reply } from '../../src/commands/types.ts';

function quoteLine(q: QuoteItem): string {
  return `  “${q.text}” — ${q.speaker}, ${q.source}${q.url ? ` <${q.url}>` : ''}`;
}

/** Renders a Reply as terminal text. */
export function renderReplyText(reply: Reply): string {
  switch (reply.kind) {
    case 'error':
      return `✗ ${reply.message}${reply.hint ? `\n  ${reply.hint}` : ''}`;
    case 'text': {
      const parts: string[] = reply.title ? [reply.title, ''] : [];
      for (const section of reply.sections) {
        if (section.heading) parts.push(section.heading);
        parts.push(...section.lines, '');
      }
      return parts.join('\n').trimEnd();
    }
    case 'profile': {
      const p = reply.profile;
      const lines = [`${p.name}${p.role ? ` — ${p.role}` : ''}`];
      if (p.aliases.length) lines.push(`Also written: ${p.aliases.join(', ')}`);
      lines.push(
        `Mentioned in ${p.articleCount} article${p.articleCount === 1 ? '' : 's'} by ${p.outlets.map((o) => `${o.source} (${o.mentions})`).join(', ')}`,
      );
      if (p.lastSeen) lines.push(`Last seen: ${p.lastSeen.slice(0, 10)}`);
      if (reply.quotes.length) lines.push('', `Latest words (${p.quoteCount} quote${p.quoteCount === 1 ? '' : 's'} in all):`, ...reply.quotes.map(quoteLine));
      return lines.join('\n');
    }
    case 'quotes':
      if (reply.quotes.length === 0) return `No quotes from ${reply.speaker ?? reply.query} in the stored articles yet.`;
      return [`Quotes from ${reply.speaker ?? reply.query}:`, ...reply.quotes.map(quoteLine)].join('\n');
    case 'digest':
      if (reply.digest.stories.length === 0 && !reply.digest.notices?.length) return `${reply.digest.title ?? 'Briefing'}: no stories yet.`;
      return renderDigestMarkdown(reply.digest);
  }
}
