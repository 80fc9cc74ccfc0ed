// Every string the shopper screens show, in French and English. A typed
// dictionary: a key missing in one language is a compile error
// (docs/architecture.md says why we chose this over an i18n library).
import type { Lang } from '../../core/i18n';
import { en } from './messages-en';
import { fr, type Messages } from './messages-fr';

export { en, fr, type Messages };
export type { Lang };
export const messages: Record<Lang, Messages> = { fr, en };
