// Draws the shared photo: the camera frame on the left, the look's product
// cards (picture, name, brand, price) on the right, on a canvas the mirror
// never stores.
export type LookCard = {
  name: string;
  brand: string;
  price: string;
  /** The product's picture, already decoded (same origin, so the canvas stays exportable). */
  image?: HTMLImageElement | undefined;
};

const CARD_COLUMN = 420;
const THUMB = 80;

/** Loads and decodes a card's picture; none when it cannot be had (offline, broken file). */
export async function loadCardImage(url: string): Promise<HTMLImageElement | undefined> {
  const image = new Image();
  image.crossOrigin = 'anonymous';
  image.src = url;
  try {
    await image.decode();
    return image;
  } catch {
    return undefined;
  }
}

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
    const textX = card.image ? x + THUMB + 12 : x;
    const textWidth = CARD_COLUMN - 48 - (textX - x);
    if (card.image) context.drawImage(card.image, x, y + 8, THUMB, THUMB);
    context.fillStyle = '#1d1d1f';
    context.font = 'bold 20px system-ui, sans-serif';
    context.fillText(card.name, textX, y + 30, textWidth);
    context.font = '18px system-ui, sans-serif';
    context.fillText(card.brand, textX, y + 58, textWidth);
    context.fillText(card.price, textX, y + 84, textWidth);
  });
}

/** Empties a canvas so no pixel of the photo stays in memory. */
export function wipeCanvas(canvas: HTMLCanvasElement | null): void {
  if (!canvas) return;
  canvas.width = 0;
  canvas.height = 0;
}
