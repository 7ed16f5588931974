// Save text or bytes as a file: one way for every export (a link to an object URL, clicked).
/** Save `data` under `name`. The object URL is revoked once the browser has started the download. */
export function download(data: string | Blob, name: string, type: string): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
