import { describe, expect, it } from 'vitest';
import { continuedStoryIds } from '../../src/stories/identity.ts';

const stored = (storyId: string, ...articleIds: string[]) => articleIds.map((articleId) => ({ storyId, articleId }));

describe('lasting story ids', () => {
  it('GIVEN a story that gained articles THEN it keeps the id of the stored story it shares most with', () => {
    const ids = continuedStoryIds([{ id: 's-new', articleIds: ['a', 'b', 'c'] }], [...stored('s-strike', 'a', 'b'), ...stored('s-other', 'c')]);
    expect(ids.get('s-new')).toBe('s-strike');
  });

  it('GIVEN a stored story that split in two THEN the bigger part keeps its id and the other keeps its own', () => {
    const ids = continuedStoryIds(
      [
        { id: 's-small', articleIds: ['a'] },
        { id: 's-big', articleIds: ['b', 'c', 'd'] },
      ],
      stored('s-strike', 'a', 'b', 'c'),
    );
    expect(ids).toEqual(new Map([['s-big', 's-strike'], ['s-small', 's-small']]));
  });

  it('GIVEN a story whose own id is taken by the story another one continues THEN it gets an id nobody has', () => {
    const ids = continuedStoryIds(
      [
        { id: 's-strike', articleIds: ['a'] },
        { id: 's-big', articleIds: ['b', 'c'] },
      ],
      stored('s-strike', 'a', 'b', 'c'),
    );
    expect(ids.get('s-big')).toBe('s-strike');
    expect(ids.get('s-strike')).toMatch(/^s-[0-9a-f]{12}$/);
    expect(ids.get('s-strike')).not.toBe('s-strike');
  });

  it('GIVEN a story no stored story shares an article with THEN it keeps the id clustering gave it', () => {
    expect(continuedStoryIds([{ id: 's-fresh', articleIds: ['x'] }], stored('s-strike', 'a'))).toEqual(new Map([['s-fresh', 's-fresh']]));
  });
});
