// The head-office console's text in the language chosen (common/console-lang.ts
// keeps the choice); `t` is the typed dictionary.
import { createText } from '@vitrine/shared/ui/i18n';
import { messages } from './messages';

export const { TextProvider, useText } = createText(messages);
