/** Escape closes whatever panel is open in the sidebar (a dialog, a form, a correction). */
import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';

/** Escape pressed: each open panel closes itself when this changes. */
export const escapePressed = signal(0);

/** Closes a panel on Escape: `close` runs whenever Escape is pressed after the panel rendered. */
export function useEscape(close: () => void) {
  const seen = useRef(escapePressed.peek());
  useEffect(() => {
    if (escapePressed.value !== seen.current) {
      seen.current = escapePressed.value;
      close();
    }
  }, [escapePressed.value]);
}
