// The shopper's end of a call: answers the expert's offer. The microphone is
// used when there is one; the camera stays off until the shopper turns it on
// (it then replaces the empty video sender, no renegotiation). The expert's
// video plays when it arrives; with no video track the call is audio only.
import type { CallSignal, IceServer } from '../../core';

export type ShopperPeer = {
  handle: (signal: CallSignal) => Promise<void>;
  setCamera: (on: boolean) => Promise<boolean>;
  close: () => void;
};

export function startShopperPeer(options: {
  iceServers: IceServer[];
  send: (signal: CallSignal) => void;
  onRemoteStream: (stream: MediaStream) => void;
}): ShopperPeer {
  const pc = new RTCPeerConnection({ iceServers: options.iceServers });
  const remote = new MediaStream();
  let microphone: MediaStream | null = null;
  let camera: MediaStream | null = null;
  const pendingIce: RTCIceCandidateInit[] = [];

  pc.ontrack = (event) => {
    remote.addTrack(event.track);
    options.onRemoteStream(remote);
  };
  pc.onicecandidate = (event) => {
    if (event.candidate)
      options.send({ type: 'ice', candidate: event.candidate.toJSON() as { candidate: string } });
  };

  const videoSender = () => pc.getTransceivers().find((t) => t.receiver.track.kind === 'video');

  return {
    handle: async (signal) => {
      if (signal.type === 'offer') {
        await pc.setRemoteDescription({ type: 'offer', sdp: signal.sdp });
        for (const candidate of pendingIce.splice(0)) await pc.addIceCandidate(candidate);
        microphone = await navigator.mediaDevices.getUserMedia({ audio: true }).catch(() => null);
        const audio = pc.getTransceivers().find((t) => t.receiver.track.kind === 'audio');
        const track = microphone?.getAudioTracks()[0];
        if (audio && track) {
          audio.direction = 'sendrecv';
          await audio.sender.replaceTrack(track);
        }
        const video = videoSender();
        if (video) video.direction = 'sendrecv'; // ready for the camera; sends nothing until then
        await pc.setLocalDescription(await pc.createAnswer());
        options.send({ type: 'answer', sdp: pc.localDescription?.sdp ?? '' });
      } else if (signal.type === 'ice') {
        if (pc.remoteDescription) await pc.addIceCandidate(signal.candidate);
        else pendingIce.push(signal.candidate);
      }
    },
    setCamera: async (on) => {
      const video = videoSender();
      if (!video) return false;
      if (!on) {
        camera?.getTracks().forEach((track) => track.stop());
        camera = null;
        await video.sender.replaceTrack(null);
        return false;
      }
      camera = await navigator.mediaDevices.getUserMedia({ video: true }).catch(() => null);
      const track = camera?.getVideoTracks()[0];
      if (!track) return false;
      await video.sender.replaceTrack(track);
      return true;
    },
    close: () => {
      microphone?.getTracks().forEach((track) => track.stop());
      camera?.getTracks().forEach((track) => track.stop());
      pc.close();
    },
  };
}
