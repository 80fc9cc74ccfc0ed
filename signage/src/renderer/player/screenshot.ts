// A picture of what the screen shows, for the fleet view: each zone's current
// layer drawn on a canvas (images and videos as they are, text as text).
export async function captureScreen(root: HTMLElement): Promise<Blob | null> {
  const width = Math.max(1, Math.round(root.clientWidth / 2));
  const height = Math.max(1, Math.round(root.clientHeight / 2));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  const origin = root.getBoundingClientRect();
  context.fillStyle = '#111';
  context.fillRect(0, 0, width, height);
  for (const layer of root.querySelectorAll<HTMLElement>(
    '[data-layer="current"], .default-screen',
  )) {
    const box = layer.getBoundingClientRect();
    const x = (box.left - origin.left) / 2;
    const y = (box.top - origin.top) / 2;
    const visual = layer.querySelector<HTMLImageElement | HTMLVideoElement>('img, video');
    try {
      if (visual) context.drawImage(visual, x, y, box.width / 2, box.height / 2);
    } catch {
      // A frame not decoded yet: the text below still says what is there.
    }
    context.fillStyle = '#fff';
    context.font = '16px system-ui, sans-serif';
    context.fillText((layer.textContent ?? '').slice(0, 80), x + 8, y + 24, box.width / 2 - 16);
  }
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}
