/** `--name value` pairs (a repeated name collects values) and the positional words, for the small CLIs. */
export function parseArgs(argv: readonly string[]): { flags: Map<string, string[]>; positional: string[] } {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (!word.startsWith('--')) {
      positional.push(word);
      continue;
    }
    const [name, inline] = word.slice(2).split('=', 2);
    const value = inline ?? (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[++i] : 'true');
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return { flags, positional };
}
