/** A file size for a person: `3.1 MB`, `12 MB`, `40 KB`, `100 bytes` (1 MB = 1,048,576 bytes, as `milestones.maxFileSize` counts). */
export function byteSize(bytes: number): string {
  const mb = bytes / 1048576;
  if (mb >= 1) return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} byte${bytes === 1 ? '' : 's'}`;
}
