// What the shopper looked at in this session, for the expert: every product
// page that shows the call button notes its product. Forgotten after 15 idle
// minutes, or at once when the touchpoint's session resets.
const IDLE_MS = 15 * 60_000;
const MAX = 20;
let viewed: string[] = [];
let lastAt = 0;

export function noteViewedProduct(productId: string, now = Date.now()): void {
  if (now - lastAt > IDLE_MS) viewed = [];
  lastAt = now;
  viewed = [...viewed.filter((id) => id !== productId), productId].slice(-MAX);
}

export function viewedProducts(now = Date.now()): string[] {
  return now - lastAt > IDLE_MS ? [] : [...viewed];
}

export function forgetViewedProducts(): void {
  viewed = [];
}
