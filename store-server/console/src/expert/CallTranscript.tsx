// A call from the assistant: what the shopper asked it and what it answered, so the expert
// starts where the conversation is (masked on the screen before it was sent).
import type { CallSummary } from '@vitrine/shared/core';
import { useText } from './i18n';

export function CallTranscript({ call }: { call: CallSummary }) {
  const { t } = useText();
  if (!call.transcript?.length) return null;
  return (
    <details className="call-transcript" data-testid="call-transcript" open>
      <summary>{t.conversation.title}</summary>
      <ol>
        {call.transcript.map((line, index) => (
          <li key={index}>
            <strong>{t.conversation[line.from]}</strong> {line.text}
          </li>
        ))}
      </ol>
    </details>
  );
}
