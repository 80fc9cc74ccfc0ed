// One expert line per shopper session, above the product pages: tapping
// another garment or product (or a card the expert pushed) remounts the page
// but not the line, so the call goes on. The session's reset unmounts the
// provider, which closes the line's stream and so ends any call. While no
// product page shows the call (the shopper went to search, say), a small
// dock keeps it in sight: who is on the line, back to the call, hang up, and
// the smileys once it is over.
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { DeviceHandle } from '../../client';
import type { DeviceEnvironment } from '../device-environment';
import { CallDock } from './CallDock';
import type { Lang } from './call-text';
import { useExpertLine, type ExpertLine } from './use-expert-line';

/** Where a call panel is shown: its language and how to get back to it. */
export type CallPlace = { lang: Lang; productId: string; open?: (productId: string) => void };

type SessionLine = { line: ExpertLine; showing: (place: CallPlace) => () => void };

const ExpertLineContext = createContext<SessionLine | null>(null);

export function ExpertLineProvider(props: {
  device: DeviceHandle;
  environment?: DeviceEnvironment;
  children: ReactNode;
}) {
  const line = useExpertLine(props.device, props.environment);
  const [panels, setPanels] = useState(0);
  const lastPlace = useRef<CallPlace | null>(null);
  const showing = useCallback((place: CallPlace) => {
    lastPlace.current = place;
    setPanels((n) => n + 1);
    return () => setPanels((n) => n - 1);
  }, []);
  const value = useMemo(() => ({ line, showing }), [line, showing]);
  const { phase } = line.call;
  const live = phase === 'connected' || phase === 'queued' || phase === 'rating';
  return (
    <ExpertLineContext.Provider value={value}>
      {props.children}
      {live && panels === 0 && lastPlace.current && (
        <CallDock line={line} place={lastPlace.current} />
      )}
    </ExpertLineContext.Provider>
  );
}

/** The session's line, or null outside an ExpertLineProvider. */
export function useSessionExpertLine(): ExpertLine | null {
  return useContext(ExpertLineContext)?.line ?? null;
}

/** For a call panel: the session's line, and a way to say it is on screen. */
export function useSessionLine(): SessionLine | null {
  return useContext(ExpertLineContext);
}
