import type { ArticleStore } from './articles.ts';
import type { FeedStore } from './feeds.ts';
import type { PeopleStore } from './people.ts';
import type { RunLedger } from './runs.ts';
import type { ScheduleStore } from './schedules.ts';
import type { Store } from './store.ts';

export interface StoreParts {
  articles: ArticleStore;
  people: PeopleStore;
  feeds: FeedStore;
  schedules: ScheduleStore;
  runs: RunLedger;
}

/** One Store over an implementation's aggregate stores; `close` releases what they share. */
export function joinStore(parts: StoreParts, close: Store['close']): Store {
  const { articles, people, feeds, schedules, runs } = parts;
  return {
    saveAnalysis: (analysis) => articles.saveAnalysis(analysis),
    saveAnalyses: (analyses) => articles.saveAnalyses(analyses),
    listAnalyses: (query) => articles.listAnalyses(query),
    getAnalysis: (id) => articles.getAnalysis(id),
    countArticles: () => articles.countArticles(),
    searchArticles: (words, limit) => articles.searchArticles(words, limit),

    suggestPeople: (prefix, limit) => people.suggestPeople(prefix, limit),
    getPerson: (query) => people.getPerson(query),
    quotesBy: (query, limit) => people.quotesBy(query, limit),
    canonicalNames: (forms) => people.canonicalNames(forms),

    addFeed: (feed) => feeds.addFeed(feed),
    removeFeed: (url) => feeds.removeFeed(url),
    listFeeds: () => feeds.listFeeds(),
    getFeed: (url) => feeds.getFeed(url),
    updateFeed: (url, patch) => feeds.updateFeed(url, patch),
    getFetchedUrl: (url) => feeds.getFetchedUrl(url),
    rememberFetchedUrl: (fetched) => feeds.rememberFetchedUrl(fetched),

    saveSchedule: (schedule) => schedules.saveSchedule(schedule),
    removeSchedule: (id) => schedules.removeSchedule(id),
    listSchedules: () => schedules.listSchedules(),
    getSchedule: (id) => schedules.getSchedule(id),

    claimRun: (run) => runs.claimRun(run),
    updateRun: (id, patch) => runs.updateRun(id, patch),
    transitionRun: (id, from, patch) => runs.transitionRun(id, from, patch),
    getRun: (id) => runs.getRun(id),
    listRuns: (scheduleId, limit) => runs.listRuns(scheduleId, limit),
    lastPostedRun: (scheduleId, target) => runs.lastPostedRun(scheduleId, target),

    close,
  };
}
