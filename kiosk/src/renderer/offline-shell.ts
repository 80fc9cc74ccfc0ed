// Registers the service worker that keeps the app shell (HTML, scripts,
// styles, workers) so the kiosk reloads with the store server down.
export function registerOfflineShell(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const url = `${import.meta.env.BASE_URL}sw.js`;
  navigator.serviceWorker
    .register(url, { scope: import.meta.env.BASE_URL })
    .catch((error: unknown) => console.warn('offline shell unavailable', error));
}
