// The head-office console's text in the language chosen (common/console-lang.ts
// keeps the choice); `t` is the typed dictionary.
import { createConsoleText, type ConsoleText } from '../common/console-text';
import { messages, type Messages } from './messages';

export type Text = ConsoleText<Messages>;

export const { TextProvider, useText } = createConsoleText(messages);
