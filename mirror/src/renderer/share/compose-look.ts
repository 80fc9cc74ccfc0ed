// Draws the shared photo: the camera frame on the left, the look's product
// cards on the right, on a canvas the mirror never stores.
export type LookCard = { name: string; brand: string; price: string };

const CARD_COLUMN = 360;

export function composeLook(
  canvas: HTMLCanvasElement,
  video: HTMLVideoElement,
  cards: readonly LookCard[],
  title: string,
): void {
  const width = video.videoWidth || 640;
  const height = Math.max(video.videoHeight || 480, 120 + cards.length * 110);
  canvas.width = width + CARD_COLUMN;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.fillStyle = '#faf8f5';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(video, 0, 0, width, video.videoHeight || 480);
  const x = width + 24;
  context.fillStyle = '#1d1d1f';
  context.font = 'bold 30px system-ui, sans-serif';
  context.fillText(title, x, 50, CARD_COLUMN - 48);
  cards.forEach((card, i) => {
    const y = 90 + i * 110;
    context.fillStyle = '#ffffff';
    context.fillRect(x - 8, y, CARD_COLUMN - 32, 96);
    context.fillStyle = '#1d1d1f';
    context.font = 'bold 20px system-ui, sans-serif';
    context.fillText(card.name, x, y + 30, CARD_COLUMN - 48);
    context.font = '18px system-ui, sans-serif';
    context.fillText(card.brand, x, y + 58, CARD_COLUMN - 48);
    context.fillText(card.price, x, y + 84, CARD_COLUMN - 48);
  });
}

/** Empties a canvas so no pixel of the photo stays in memory. */
export function wipeCanvas(canvas: HTMLCanvasElement | null): void {
  if (!canvas) return;
  canvas.width = 0;
  canvas.height = 0;
}
