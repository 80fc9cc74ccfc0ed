// One expert line per shopper session, above the product pages: tapping
// another garment or product (or a card the expert pushed) remounts the page
// but not the line, so the call goes on. The session's reset unmounts the
// provider, which closes the line's stream and so ends any call.
import { createContext, useContext, type ReactNode } from 'react';
import type { DeviceHandle } from '../../client';
import type { DeviceEnvironment } from '../device-environment';
import { useExpertLine, type ExpertLine } from './use-expert-line';

const ExpertLineContext = createContext<ExpertLine | null>(null);

export function ExpertLineProvider(props: {
  device: DeviceHandle;
  environment?: DeviceEnvironment;
  children: ReactNode;
}) {
  const line = useExpertLine(props.device, props.environment);
  return <ExpertLineContext.Provider value={line}>{props.children}</ExpertLineContext.Provider>;
}

/** The session's line, or null outside an ExpertLineProvider. */
export function useSessionExpertLine(): ExpertLine | null {
  return useContext(ExpertLineContext);
}
