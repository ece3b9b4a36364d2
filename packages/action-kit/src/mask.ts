/**
 * Secret values known to this run. The action's entry registers each with the runner (add-mask)
 * and `redact` scrubs them from text we produce ourselves (summaries, reports, error messages),
 * which the runner's masking does not reach.
 */
export class SecretRegistry {
  private readonly values = new Set<string>();
  constructor(private readonly onAdd: (value: string) => void = () => {}) {}

  add(value: string | undefined): void {
    if (!value) return;
    // Very short values would mask ordinary words everywhere; the runner skips them too.
    if (value.length < 3 || this.values.has(value)) return;
    this.values.add(value);
    this.onAdd(value);
  }

  redact(text: string): string {
    let out = text;
    // Longest first so a secret that contains another is hidden whole.
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) {
      out = out.split(v).join('***');
    }
    return out;
  }
}
