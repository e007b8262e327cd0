import { useEffect, useRef } from "react";

/**
 * Focus for a button that opens an inline form and is hidden while it is open: when the form closes
 * (saved or cancelled), focus goes back to the button instead of being lost to the page.
 */
export function useReturnFocus<Element extends HTMLElement>(open: boolean) {
  const ref = useRef<Element>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return ref;
}
