// What happened last: a status line, or a refusal in red (role alert, read out at once).
export type NoticeState = { kind: 'status' | 'alert'; text: string } | null;

export function Notice(props: { notice: NoticeState }) {
  if (!props.notice) return null;
  return (
    <p role={props.notice.kind} className={props.notice.kind === 'alert' ? 'refusal' : undefined}>
      {props.notice.text}
    </p>
  );
}
