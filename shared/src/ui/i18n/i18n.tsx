// The shopper screens' shared words (messages.ts) for one session's language
// and the store's currency.
import { createText, type Text } from './create-text';
import { messages, type Messages } from './messages';

export type I18n = Text<Messages>;

const sharedText = createText(messages);

export const makeI18n = sharedText.textOf;
export const I18nProvider = sharedText.TextProvider;
export const useI18n = sharedText.useText;
