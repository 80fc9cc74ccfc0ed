// The consoles' home: a link to each console that exists.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const CONSOLES = [
  { href: 'staff.html', fr: 'Équipe du magasin', en: 'Store staff' },
  { href: 'expert.html', fr: 'Experts à distance', en: 'Remote experts' },
  { href: 'head-office.html', fr: 'Siège', en: 'Head office' },
  { href: 'api.html', fr: 'API HTTP (OpenAPI)', en: 'HTTP API (OpenAPI)' },
];

function Home() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '40rem', margin: '3rem auto' }}>
      <h1>Vitrine</h1>
      <ul>
        {CONSOLES.map((console) => (
          <li key={console.href}>
            <a href={console.href}>
              {console.fr} / {console.en}
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <Home />
  </StrictMode>,
);
