// Reads a Server-Sent Events feed through fetch (so an Authorization header
// goes with it — EventSource cannot send one) and reconnects after a cut.
import { SseParser, type SseMessage } from '../../core';

const RETRY_MS = 1_000;

export function openSseFeed(
  url: string,
  headers: Record<string, string>,
  onMessage: (message: SseMessage) => void,
  onState?: (connected: boolean) => void,
): () => void {
  const controller = new AbortController();
  const run = async () => {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch(url, {
          headers: { ...headers, accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        onState?.(true);
        const parser = new SseParser();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (const message of parser.push(value)) onMessage(message);
        }
      } catch {
        // Server restarting or network cut: try again shortly; each feed starts with a snapshot.
      }
      onState?.(false);
      if (!controller.signal.aborted) await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  };
  void run();
  return () => controller.abort();
}
