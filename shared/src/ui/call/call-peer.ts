// What both ends of an expert call set up alike (the shopper's device and the
// expert console): the RTCPeerConnection on the store's ICE servers, the other
// side's tracks gathered into one stream, our ICE candidates signalled as they
// come, theirs held until the remote description is set (they can arrive
// first), and a close that also stops our own media. Framework-free, so the
// console's expert end uses it as is.
import type { CallSignal, IceServer } from '../../core';

export type CallPeerOptions = {
  iceServers: IceServer[];
  send: (signal: CallSignal) => void;
  onRemoteStream: (stream: MediaStream) => void;
};

export type CallPeer = {
  pc: RTCPeerConnection;
  /** Makes our offer or answer, sets it and signals it. */
  describe: (type: 'offer' | 'answer') => Promise<void>;
  /** Sets the other side's offer or answer, then adds the candidates that came before it. */
  acceptRemote: (type: 'offer' | 'answer', sdp: string) => Promise<void>;
  addRemoteIce: (candidate: RTCIceCandidateInit) => Promise<void>;
  /** Ends the connection and stops every track of our own media. */
  close: (ownMedia: (MediaStream | null)[]) => void;
};

export function openCallPeer(options: CallPeerOptions): CallPeer {
  const pc = new RTCPeerConnection({ iceServers: options.iceServers });
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
  return {
    pc,
    describe: async (type) => {
      await pc.setLocalDescription(await (type === 'offer' ? pc.createOffer() : pc.createAnswer()));
      options.send({ type, sdp: pc.localDescription?.sdp ?? '' });
    },
    acceptRemote: async (type, sdp) => {
      await pc.setRemoteDescription({ type, sdp });
      for (const candidate of pendingIce.splice(0)) await pc.addIceCandidate(candidate);
    },
    addRemoteIce: async (candidate) => {
      if (pc.remoteDescription) await pc.addIceCandidate(candidate);
      else pendingIce.push(candidate);
    },
    close: (ownMedia) => {
      for (const media of ownMedia) media?.getTracks().forEach((track) => track.stop());
      pc.close();
    },
  };
}
