// Puts a text field back as it was before a scanner's first key went into it:
// its value and selection, through an `input` event so React (or any framework
// listening to the field) takes the restored value as typed.
type TextField = HTMLInputElement | HTMLTextAreaElement;

/** Remembers the field as it is now; the returned function puts it back. */
export function saveTextField(field: TextField): () => void {
  const { value } = field;
  const start = field.selectionStart;
  const end = field.selectionEnd;
  const direction = field.selectionDirection ?? undefined;
  return () => {
    if (field.value !== value) {
      // The prototype's setter, not the element's: React tracks the value through its own.
      const prototype = field instanceof HTMLInputElement ? HTMLInputElement : HTMLTextAreaElement;
      Reflect.set(prototype.prototype, 'value', value, field);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (start !== null && end !== null && document.activeElement === field)
      field.setSelectionRange(start, end, direction);
  };
}
