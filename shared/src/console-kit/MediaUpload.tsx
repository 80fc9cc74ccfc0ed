// The file picker of a media library: the types a campaign may play; the server reads each
// file's type from its bytes all the same.
const MEDIA_ACCEPT = 'image/png,image/jpeg,image/webp,video/mp4,video/webm';

export function MediaUpload(props: { label: string; onFile: (file: File) => void }) {
  return (
    <label className="upload">
      {props.label}
      <input
        type="file"
        accept={MEDIA_ACCEPT}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) props.onFile(file);
          e.target.value = ''; // the same file again is a new upload
        }}
      />
    </label>
  );
}
