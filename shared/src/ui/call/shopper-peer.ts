// The shopper's end of a call: answers the expert's offer. The microphone is
// used when there is one; the camera stays off until the shopper turns it on
// (it then replaces the empty video sender, no renegotiation). The expert's
// video plays when it arrives; with no video track the call is audio only.
import type { CallSignal } from '../../core';
import { openCallPeer, type CallPeerOptions } from './call-peer';

export type ShopperPeer = {
  handle: (signal: CallSignal) => Promise<void>;
  setCamera: (on: boolean) => Promise<boolean>;
  close: () => void;
};

export function startShopperPeer(options: CallPeerOptions): ShopperPeer {
  const peer = openCallPeer(options);
  let microphone: MediaStream | null = null;
  let camera: MediaStream | null = null;
  const transceiver = (kind: 'audio' | 'video') =>
    peer.pc.getTransceivers().find((t) => t.receiver.track.kind === kind);

  return {
    handle: async (signal) => {
      if (signal.type === 'offer') {
        await peer.acceptRemote('offer', signal.sdp);
        microphone = await navigator.mediaDevices.getUserMedia({ audio: true }).catch(() => null);
        const audio = transceiver('audio');
        const track = microphone?.getAudioTracks()[0];
        if (audio && track) {
          audio.direction = 'sendrecv';
          await audio.sender.replaceTrack(track);
        }
        const video = transceiver('video');
        if (video) video.direction = 'sendrecv'; // ready for the camera; sends nothing until then
        await peer.describe('answer');
      } else if (signal.type === 'ice') await peer.addRemoteIce(signal.candidate);
    },
    setCamera: async (on) => {
      const video = transceiver('video');
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
    close: () => peer.close([microphone, camera]),
  };
}
