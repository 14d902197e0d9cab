import { useRef, useState, type ReactNode } from 'react';

/**
 * File picker plus drag-and-drop target for model files. Reads the file as
 * text and hands it over; the server decides whether it is native or Threat Dragon.
 */
export function ImportDropZone({
  onFile,
  children,
}: {
  onFile: (name: string, text: string) => void;
  children: ReactNode;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  async function take(files: FileList | null) {
    const file = files?.[0];
    if (file) onFile(file.name, await file.text());
  }

  return (
    <section
      className={`dropzone${over ? ' over' : ''}`}
      aria-label="Import drop zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void take(e.dataTransfer.files);
      }}
    >
      {children}
      <button type="button" onClick={() => input.current?.click()}>
        Import model
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label="Model file to import"
        className="sr-only"
        onChange={(e) => {
          void take(e.target.files);
          e.target.value = '';
        }}
      />
      <span className="hint">or drop a Threatloom or Threat Dragon JSON file here</span>
    </section>
  );
}
