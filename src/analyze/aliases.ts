// Name keys live with the entities (src/analyze/entities/aliases.ts); the store and stories read them here.
export * from './entities/aliases.ts';
