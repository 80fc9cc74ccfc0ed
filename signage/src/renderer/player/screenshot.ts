// A picture of what the screen shows, for the fleet view. In the Electron
// shell, the window as painted (webContents.capturePage through the bridge).
// In a plain browser, the player's DOM rendered to a canvas: every element
// with its computed style, pictures and the current video frames inlined,
// drawn through an SVG foreignObject — the layout, colours and text as shown.

/** Half size: enough to recognise the screen, small enough to upload often. */
const SCALE = 0.5;

export async function captureScreen(root: HTMLElement): Promise<Blob | null> {
  const bridge = window.vitrine;
  if (bridge) {
    const shot = await bridge.capturePage();
    if (shot.ok) return new Blob([new Uint8Array(shot.value)], { type: 'image/png' });
  }
  return renderDom(root);
}

/** A data URL of what an image or video element shows now, or null when it cannot be read. */
function pixelsOf(element: HTMLImageElement | HTMLVideoElement): string | null {
  const width = element instanceof HTMLVideoElement ? element.videoWidth : element.naturalWidth;
  const height = element instanceof HTMLVideoElement ? element.videoHeight : element.naturalHeight;
  if (!width || !height) return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  try {
    canvas.getContext('2d')?.drawImage(element, 0, 0);
    return canvas.toDataURL('image/png');
  } catch {
    return null; // Another origin's picture: left out rather than failing the capture.
  }
}

/** Copies computed styles onto the clone and swaps media for still pictures. */
function inline(source: Element, copy: Element): void {
  if (source instanceof HTMLElement && copy instanceof HTMLElement) {
    const computed = getComputedStyle(source);
    for (const property of computed) {
      copy.style.setProperty(property, computed.getPropertyValue(property));
    }
    // Animations are frozen where they are now (the computed transform already says where).
    copy.style.setProperty('animation', 'none');
    copy.style.setProperty('transition', 'none');
  }
  if (source instanceof HTMLImageElement && copy instanceof HTMLImageElement) {
    const still = pixelsOf(source);
    if (still) copy.src = still;
    else copy.removeAttribute('src');
    copy.removeAttribute('srcset');
  }
  const children = source.children;
  const copies = copy.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    const twin = copies[i];
    if (!child || !twin) continue;
    if (child instanceof HTMLVideoElement) {
      const frame = document.createElement('img');
      const still = pixelsOf(child);
      if (still) frame.src = still;
      inline(child, frame);
      twin.replaceWith(frame);
    } else if (child instanceof HTMLIFrameElement) {
      // A sandboxed page of another origin cannot be read: its box stays, blank.
      const box = document.createElement('div');
      inline(child, box);
      twin.replaceWith(box);
    } else inline(child, twin);
  }
}

async function renderDom(root: HTMLElement): Promise<Blob | null> {
  const width = Math.max(1, root.clientWidth);
  const height = Math.max(1, root.clientHeight);
  const copy = root.cloneNode(true) as HTMLElement;
  inline(root, copy);
  const page = new XMLSerializer().serializeToString(copy);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<foreignObject x="0" y="0" width="100%" height="100%">${page}</foreignObject></svg>`;
  const picture = new Image();
  picture.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await picture.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * SCALE);
  canvas.height = Math.round(height * SCALE);
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(picture, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}
