// Head office's console text in the language chosen (the consoles share the choice).
import { createText } from '@vitrine/shared/ui/i18n';
import { messages } from './messages';

export const { TextProvider, useText } = createText(messages);
