import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../src/ingest/feeds/dates.ts';

describe('feed dates', () => {
  it.each([
    ['Wed, 31 Jan 2018 07:26:05 GMT', '2018-01-31T07:26:05.000Z'],
    ['Mon, 16 Oct 2017 15:10:00 +0000', '2017-10-16T15:10:00.000Z'],
    ['Tue, 17 Oct 2017 12:17:00 EST', '2017-10-17T17:17:00.000Z'],
    ['Tue, 17 Oct 2017 12:17:00 CET', '2017-10-17T11:17:00.000Z'],
    ['Tue, 17 Oct 2017 12:17:00', '2017-10-17T12:17:00.000Z'],
    ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40.000Z'],
    ['Di, 3 Mär 2020 08:00:00 +0100', '2020-03-03T07:00:00.000Z'],
    ['mer., 5 févr. 2020 10:00:00 +0100', '2020-02-05T09:00:00.000Z'],
    ['2018-01-31T07:26:05Z', '2018-01-31T07:26:05.000Z'],
    ['2023-07-23T17:38:30+00:00', '2023-07-23T17:38:30.000Z'],
    ['2017-10-16 15:10:00', '2017-10-16T15:10:00.000Z'],
    ['2017-10-16', '2017-10-16T00:00:00.000Z'],
    ['1518478934', '2018-02-12T23:42:14.000Z'],
  ])('GIVEN %s THEN it reads as %s', (input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });

  it.each(['', 'soon', 'Τρι, 29 Ιούν 2004 12:53:00 GMT garbage words'])('GIVEN %j THEN there is no date', (input) => {
    expect(parseFeedDate(input)).toBeUndefined();
  });
});
