/** The longest name `/who` and `/quotes` look up; Discord's option allows as much. */
export const maxNameLength = 100;

/** Shortens text a user typed before it is echoed back, so a pasted page is not repeated in the channel. */
export function echo(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** A message for a name too long to be anybody's, or undefined when the length is fine. */
export function nameTooLong(query: string): string | undefined {
  return query.length > maxNameLength ? `"${echo(query)}" is ${query.length} characters long; a name is at most ${maxNameLength}.` : undefined;
}
