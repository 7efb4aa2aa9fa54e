import type { Store } from '../store/store.ts';
import type { DigestFileError, DigestFileOptions } from '../schedule/digest-files.ts';
import type { Schedule } from '../schedule/types.ts';

/**
 * Every schedule, from both places: valid digest files (a file wins over a stored copy with
 * the same id) and schedules made in chat. Returns the broken files beside them.
 */
export async function listAllSchedules(store: Store, digestsDir: string, options: DigestFileOptions = {}): Promise<{ schedules: Schedule[]; errors: DigestFileError[] }> {
  // Loaded here: the YAML reader and its schema are needed only when digests/ is read.
  const { loadDigestFiles } = await import('../schedule/digest-files.ts');
  const files = loadDigestFiles(digestsDir, options);
  const fileIds = new Set(files.schedules.map((s) => s.id));
  const stored = await store.listSchedules();
  const createdAt = new Map(stored.map((s) => [s.id, s.createdAt]));
  const fromFiles = files.schedules.map((s) => {
    const known = createdAt.get(s.id);
    return known ? { ...s, createdAt: known } : s;
  });
  const fromChat = stored.filter((s) => s.origin === 'chat' && !fileIds.has(s.id));
  return { schedules: [...fromFiles, ...fromChat], errors: files.errors };
}

/**
 * Mirrors file schedules into the store, so the ledger knows since when each one exists
 * (a firing before that was never missed) and a deleted file stops running. Keeps the
 * first-seen time of files already stored.
 */
export async function syncFileSchedules(store: Store, fileSchedules: Schedule[], now: Date): Promise<void> {
  const stored = new Map((await store.listSchedules()).map((s) => [s.id, s]));
  for (const schedule of fileSchedules) {
    await store.saveSchedule({ ...schedule, createdAt: stored.get(schedule.id)?.createdAt ?? now.toISOString() });
  }
  const current = new Set(fileSchedules.map((s) => s.id));
  for (const old of stored.values()) {
    if (old.origin === 'file' && !current.has(old.id)) await store.removeSchedule(old.id);
  }
}
