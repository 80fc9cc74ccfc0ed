// The three smileys shoppers rate help and calls with, drawn as SVG: emoji
// depend on the screen's fonts, and a kiosk without an emoji font shows boxes.
import { Frown, Meh, Smile } from 'lucide-react';

export type SmileyValue = 'green' | 'orange' | 'red';

const FACES = { green: Smile, orange: Meh, red: Frown } as const;

export function SmileyFace(props: { value: SmileyValue; size?: number | string }) {
  const Face = FACES[props.value];
  return <Face className="icon smiley-face" aria-hidden="true" size={props.size ?? '1.5em'} />;
}
