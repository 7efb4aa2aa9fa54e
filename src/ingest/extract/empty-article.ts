import { NewsbotError } from '../../core/errors.ts';

/** A document that holds no text at all; the message names it. Apart from clean.ts so callers need not load the HTML parser. */
export class EmptyArticleError extends NewsbotError<'E_EMPTY_ARTICLE'> {
  constructor(message: string) {
    super('E_EMPTY_ARTICLE', message);
  }
}
