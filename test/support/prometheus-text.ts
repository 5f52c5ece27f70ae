/** The value of a Prometheus sample with exactly these labels (0 when absent). */
export function counter(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort()
    .join(',');
  for (const line of text.split('\n')) {
    const match = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
    if (match && match[1] === name && match[2].split(',').sort().join(',') === wanted) return Number(match[3]);
  }
  return 0;
}
