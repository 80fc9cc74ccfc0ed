// A modal dialog as a keyboard or screen-reader user expects it: focus moves
// into it when it opens, Tab stays inside, Escape closes it, and focus goes
// back where it was when it closes. focus-trap does the trapping (well kept,
// handles shadow DOM, radio groups and elements that appear later).
import { createFocusTrap } from 'focus-trap';
import { useEffect, useRef, type RefObject } from 'react';

export function useModalFocus(dialog: RefObject<HTMLElement | null>, onClose: () => void): void {
  // The latest onClose without re-creating the trap on every render.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const trap = createFocusTrap(element, {
      // The dialog itself takes focus when nothing inside can yet (a countdown).
      fallbackFocus: element,
      escapeDeactivates: true,
      onDeactivate: () => close.current(),
      returnFocusOnDeactivate: true,
      // Taps outside are the overlay's own business (it may close or not).
      allowOutsideClick: true,
    });
    trap.activate();
    return () => {
      trap.deactivate({ onDeactivate: () => undefined });
    };
  }, [dialog]);
}
