import { NewsbotError } from '../core/errors.ts';

/** A database that cannot be opened, or a stored row that cannot be read back. */
export class StoreError extends NewsbotError<'E_STORE_OPEN' | 'E_STORE_CORRUPT'> {}
