// The camera for the look photo: opened only after consent, and every track
// stopped as soon as the photo is taken, cancelled or the session ends.
export async function openCamera(video: HTMLVideoElement): Promise<MediaStream> {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { width: { ideal: 1280 }, height: { ideal: 960 } },
    audio: false,
  });
  video.srcObject = stream;
  await video.play();
  return stream;
}

export function stopCamera(stream: MediaStream | undefined, video: HTMLVideoElement | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
  if (video) video.srcObject = null;
}
