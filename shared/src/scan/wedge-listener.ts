// Wires a WedgeDetector to a page: every keydown in the capture phase (before
// inputs see it), held characters handed back to the field they were typed
// in, a field a scan's first key went into put back as it was, and problems
// to the shared diagnostics.
import { scannerDiagnostics, type ScannerDiagnostics } from './scanner-diagnostics';
import { WedgeDetector, type WedgeOptions } from './wedge-scanner';
import { saveTextField } from './wedge-scanner-field';

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'tel', 'email', 'url', 'number', 'password']);

function isTextField(target: EventTarget | null): target is HTMLInputElement | HTMLTextAreaElement {
  if (target instanceof HTMLTextAreaElement) return !target.readOnly && !target.disabled;
  return (
    target instanceof HTMLInputElement &&
    TEXT_INPUT_TYPES.has(target.type) &&
    !target.readOnly &&
    !target.disabled
  );
}

/** Types text into the focused field the way a key would, so React sees an input event. */
function typeIntoFocusedField(text: string): void {
  if (!isTextField(document.activeElement)) return;
  // execCommand is the one way to insert text that keeps undo and fires `input`.
  document.execCommand('insertText', false, text);
}

/** Listens on a window. Returns a stop function. */
export function listenForWedgeScans(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  onScan: (code: string) => void,
  options: Omit<WedgeOptions, 'onType' | 'onProblem' | 'saveField'> & {
    onProblem?: () => void;
    diagnostics?: ScannerDiagnostics;
  } = {},
): () => void {
  const diagnostics = options.diagnostics ?? scannerDiagnostics;
  const detector = new WedgeDetector(onScan, {
    ...options,
    onType: typeIntoFocusedField,
    saveField: () => {
      const field = document.activeElement;
      return isTextField(field) ? saveTextField(field) : undefined;
    },
    onProblem: (problem) => {
      diagnostics.report(problem);
      options.onProblem?.();
    },
  });
  const onKey = (event: KeyboardEvent) => {
    if (event.repeat) detector.flush();
    else detector.handleKey(event, isTextField(event.target));
  };
  const onBlur = () => detector.flush();
  target.addEventListener('keydown', onKey, true);
  target.addEventListener('blur', onBlur);
  return () => {
    target.removeEventListener('keydown', onKey, true);
    target.removeEventListener('blur', onBlur);
    detector.dispose();
  };
}
