import type { StoryTimelineEntry } from '../stories/types.ts';

/** Briefing points listed per timeline entry; the rest are counted. */
const maxPointsShown = 3;

/**
 * A story's timeline as plain lines, oldest first: "2026-11-23 05:00 UTC · Harbour Gazette
 * joined: TITLE", "2026-11-24 07:00 UTC · briefing in slack:C0123, reply in its thread: …".
 * A briefing's points follow it as indented "– " lines. Adapters escape and style them.
 */
export function timelineLines(entries: readonly StoryTimelineEntry[]): string[] {
  const lines: string[] = [];
  for (const entry of entries) {
    const when = `${entry.at.slice(0, 16).replace('T', ' ')} UTC`;
    if (entry.kind === 'joined') {
      lines.push(`${when} · ${entry.source}${entry.firstFromSource ? ' joined' : ''}: ${entry.title}`);
      continue;
    }
    const how = entry.reply ? ', reply in its thread' : '';
    const said = entry.points.length === 0 ? 'nothing new' : `${entry.points.length} ${entry.points.length === 1 ? 'point' : 'points'}`;
    lines.push(`${when} · briefing in ${entry.target}${how}: ${said}`);
    for (const point of entry.points.slice(0, maxPointsShown)) lines.push(`  – ${point}`);
    if (entry.points.length > maxPointsShown) lines.push(`  – and ${entry.points.length - maxPointsShown} more`);
  }
  return lines;
}
