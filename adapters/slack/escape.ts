/**
 * Slack reads `<...>` as mentions, channel links and URLs, and `&` as the start of an entity.
 * Every piece of article text passes through here, so no outlet can make the bot post
 * `<!channel>`, `<!here>` or `<@U123>`.
 */

/**
 * Returns the text with `&`, `<` and `>` turned into Slack's entities, and a word joiner after
 * the `@` of a bare `@channel`, `@here` or `@everyone`, so no client can read those as a ping.
 */
export function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(?=(?:channel|here|everyone)\b)/gi, '@\u2060');
}

/** Turns the http(s) URLs in already escaped text into Slack links (verbatim text links nothing by itself). */
export function linkUrls(escaped: string): string {
  return escaped.replace(/https?:\/\/(?:(?!&lt;|&gt;)[^\s<>|])+/gi, (match) => {
    // Sentence punctuation after a URL is not part of it.
    const url = match.replace(/[.,;:!?)\]'"”’]+$/, '');
    return `<${url}>${match.slice(url.length)}`;
  });
}

/** Undoes Slack's escaping of what a user typed (slash-command text arrives escaped). */
export function unescapeText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Returns a mrkdwn link `<url|label>` built only from escaped parts, or the escaped label
 * alone when the URL is missing or not http(s) (a `javascript:` or `slack://` URL from a
 * feed must not become clickable).
 */
export function linkTo(url: string | undefined, label: string): string {
  const safeLabel = escapeText(label).replace(/\|/g, '¦');
  if (url === undefined || !/^https?:\/\/[^\s]+$/i.test(url)) return safeLabel;
  // `|` ends the URL part of a Slack link, so it is percent-encoded like any unsafe byte.
  const safeUrl = escapeText(url).replace(/\|/g, '%7C');
  return `<${safeUrl}|${safeLabel}>`;
}

/**
 * Turns what a user typed after a slash command back into plain text: Slack wraps links it
 * recognised (`<https://x>` or `<https://x|x>`), escapes `&`, `<`, `>`, and phones type
 * curly quotes where a desktop types straight ones.
 */
export function plainCommandText(text: string): string {
  const unwrapped = text.replace(/<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>/gi, '$1');
  return unescapeText(unwrapped).replace(/[“”„]/g, '"');
}
