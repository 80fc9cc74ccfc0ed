// The expert's end of a call: camera and microphone (audio only when there
// is no camera), makes the offer, and plays whatever the shopper sends.
import type { CallSignal, IceServer } from '@vitrine/shared/core';

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

export async function startExpertPeer(options: {
  iceServers: IceServer[];
  send: (signal: CallSignal) => void;
  onRemoteStream: (stream: MediaStream) => void;
}): Promise<ExpertPeer> {
  const pc = new RTCPeerConnection({ iceServers: options.iceServers });
  const local = await localMedia();
  const remote = new MediaStream();
  const pendingIce: RTCIceCandidateInit[] = [];
  pc.ontrack = (event) => {
    remote.addTrack(event.track);
    options.onRemoteStream(remote);
  };
  pc.onicecandidate = (event) => {
    if (event.candidate)
      options.send({ type: 'ice', candidate: event.candidate.toJSON() as { candidate: string } });
  };
  const audio = local?.getAudioTracks()[0];
  const video = local?.getVideoTracks()[0];
  if (audio && local) pc.addTransceiver(audio, { direction: 'sendrecv', streams: [local] });
  else pc.addTransceiver('audio', { direction: 'recvonly' });
  if (video && local) pc.addTransceiver(video, { direction: 'sendrecv', streams: [local] });
  else pc.addTransceiver('video', { direction: 'recvonly' });
  await pc.setLocalDescription(await pc.createOffer());
  options.send({ type: 'offer', sdp: pc.localDescription?.sdp ?? '' });
  return {
    local,
    handle: async (signal) => {
      if (signal.type === 'answer') {
        await pc.setRemoteDescription({ type: 'answer', sdp: signal.sdp });
        for (const candidate of pendingIce.splice(0)) await pc.addIceCandidate(candidate);
      } else if (signal.type === 'ice') {
        if (pc.remoteDescription) await pc.addIceCandidate(signal.candidate);
        else pendingIce.push(signal.candidate);
      }
    },
    close: () => {
      local?.getTracks().forEach((track) => track.stop());
      pc.close();
    },
  };
}
