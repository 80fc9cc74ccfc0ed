// What a screen shows when no campaign is on (or none is playable yet): the
// store's name and the time — never a black screen.
import { useEffect, useState } from 'react';

export function DefaultScreen(props: { storeId: string; lang: 'fr' | 'en' }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="default-screen" data-testid="default-screen">
      <h1>Vitrine</h1>
      <p>{props.storeId}</p>
      <p className="clock">
        {now.toLocaleTimeString(props.lang === 'fr' ? 'fr-FR' : 'en-GB', {
          hour: '2-digit',
          minute: '2-digit',
        })}
      </p>
    </div>
  );
}
