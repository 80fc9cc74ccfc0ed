// The campaign editor's text: its own typed dictionary, given the console's language and
// currency by CampaignFields.
import { createText } from '../ui/i18n';
import { editorMessages } from './editor-messages';

export const { TextProvider, useText } = createText(editorMessages);
