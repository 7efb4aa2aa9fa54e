/**
 * Splits mrkdwn so each piece fits a Slack limit: at line breaks first, then at sentence ends,
 * then between words; a single word longer than the limit (a pasted URL) is the only thing
 * ever cut. Never breaks inside a `<url|label>` link or an `&amp;` entity.
 */

const boundaries: RegExp[] = [
  /(?<=\n)/,
  /(?<=[.!?…]['"”’»)\]]*\s+)(?=\S)/,
  /(?<=\s)(?=\S)/,
];

/** True when the text opens a `<...>` link it does not close (so cutting here would break it). */
function insideLink(text: string): boolean {
  return text.lastIndexOf('<') > text.lastIndexOf('>');
}

function pieces(text: string, max: number, level: number): string[] {
  if (text.length <= max) return [text];
  const pattern = boundaries[level];
  if (pattern === undefined) {
    const out: string[] = [];
    let rest = text;
    while (rest.length > max) {
      let cut = max;
      // Step back off a partly cut entity such as `&amp;`.
      const amp = rest.lastIndexOf('&', cut);
      if (amp > cut - 5 && amp > 0 && !rest.slice(amp, cut).includes(';')) cut = amp;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    if (rest !== '') out.push(rest);
    return out;
  }
  const raw = text.split(pattern);
  const joined: string[] = [];
  for (const part of raw) {
    const last = joined.length - 1;
    if (last >= 0 && insideLink(joined[last]!)) joined[last] += part;
    else joined.push(part);
  }
  return joined.flatMap((part) => pieces(part, max, level + 1));
}

/** Returns chunks of `text`, each at most `max` characters, trimmed, none empty. */
export function splitText(text: string, max: number): string[] {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed === '' ? [] : [trimmed];
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces(trimmed, max, 0)) {
    if (current.length + piece.length > max && current.trim() !== '') {
      chunks.push(current.trim());
      current = '';
    }
    current += piece;
  }
  if (current.trim() !== '') chunks.push(current.trim());
  return chunks.flatMap((chunk) => (chunk.length <= max ? [chunk] : pieces(chunk, max, 2).map((p) => p.trim()).filter(Boolean)));
}
