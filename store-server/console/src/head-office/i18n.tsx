// The head-office console's text in the language chosen (common/console-lang.ts
// keeps the choice); `t` is the typed dictionary.
import { createConsoleText } from '../common/console-text';
import { messages } from './messages';

export const { TextProvider, useText } = createConsoleText(messages);
