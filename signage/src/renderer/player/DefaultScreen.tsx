// What a screen shows when no campaign is on (or none is playable yet): the
// store's name and the time — never a black screen. The time is the store's
// (its zone from the screen's profile), whatever zone the screen's OS is set to.
import { useEffect, useState } from 'react';

export function DefaultScreen(props: {
  storeId: string;
  /** The store's brand name from its settings; its code until it has one. */
  storeName: string | undefined;
  timeZone: string;
  lang: 'fr' | 'en';
}) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="default-screen" data-testid="default-screen">
      <h1>Vitrine</h1>
      <p>{props.storeName ?? props.storeId}</p>
      <p className="clock" data-testid="default-clock" data-time-zone={props.timeZone}>
        {clockText(now, props.lang, props.timeZone)}
      </p>
    </div>
  );
}

function clockText(now: Date, lang: 'fr' | 'en', timeZone: string): string {
  const options = { hour: '2-digit', minute: '2-digit' } as const;
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  try {
    return now.toLocaleTimeString(locale, { ...options, timeZone });
  } catch {
    // A zone this browser does not know: the screen's own time beats no screen.
    return now.toLocaleTimeString(locale, options);
  }
}
