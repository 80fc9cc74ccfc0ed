// What a new screen shows until staff approve it: its pairing code and the
// short fingerprint of the store CA it pinned, which staff compare with the
// one the console shows beside the code field: the same means this screen
// talks to this store, not to a look-alike on the LAN (docs/architecture.md).
import type { CSSProperties } from 'react';
import { shortFingerprint } from '../core';

const NNBSP = '\u202f';

export function PairingScreen(props: {
  pairingCode: string;
  caFingerprint: string | undefined;
  style: CSSProperties;
}) {
  return (
    <div role="status" style={props.style}>
      <h1>Appairage de l’écran / Pairing this screen</h1>
      <p>Code à valider par l’équipe du magasin / Code for store staff to approve:</p>
      <p data-testid="pairing-code" style={{ fontSize: '4rem', letterSpacing: '0.3em' }}>
        {props.pairingCode}
      </p>
      {props.caFingerprint && (
        <>
          <p lang="fr">Empreinte du magasin, identique à celle de la console{NNBSP}:</p>
          <p lang="en">Store fingerprint, the same as on the console:</p>
          <p
            data-testid="store-fingerprint"
            style={{ fontFamily: 'ui-monospace, monospace', fontSize: '2rem' }}
          >
            {shortFingerprint(props.caFingerprint)}
          </p>
        </>
      )}
    </div>
  );
}
