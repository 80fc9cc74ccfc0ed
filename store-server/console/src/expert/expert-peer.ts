// The expert's end of a call: camera and microphone (audio only when there
// is no camera), makes the offer, and plays whatever the shopper sends.
import type { CallSignal } from '@vitrine/shared/core';
import { openCallPeer, type CallPeerOptions } from '@vitrine/shared/ui/call';

export type ExpertPeer = {
  handle: (signal: CallSignal) => Promise<void>;
  local: MediaStream | null;
  close: () => void;
};

async function localMedia(): Promise<MediaStream | null> {
  const both = await navigator.mediaDevices
    .getUserMedia({ audio: true, video: true })
    .catch(() => null);
  return both ?? navigator.mediaDevices.getUserMedia({ audio: true }).catch(() => null);
}

export async function startExpertPeer(options: CallPeerOptions): Promise<ExpertPeer> {
  const peer = openCallPeer(options);
  const local = await localMedia();
  const audio = local?.getAudioTracks()[0];
  const video = local?.getVideoTracks()[0];
  if (audio && local) peer.pc.addTransceiver(audio, { direction: 'sendrecv', streams: [local] });
  else peer.pc.addTransceiver('audio', { direction: 'recvonly' });
  if (video && local) peer.pc.addTransceiver(video, { direction: 'sendrecv', streams: [local] });
  else peer.pc.addTransceiver('video', { direction: 'recvonly' });
  await peer.describe('offer');
  return {
    local,
    handle: async (signal) => {
      if (signal.type === 'answer') await peer.acceptRemote('answer', signal.sdp);
      else if (signal.type === 'ice') await peer.addRemoteIce(signal.candidate);
    },
    close: () => peer.close([local]),
  };
}
